/** Is something answering at a base URL? Any HTTP response counts; the body is discarded. */
import { Agent, request } from 'undici';
import { isLoopbackUrl, type BaseUrlCandidate } from './baseUrl';

export async function probe(url: string, timeoutMs = 1500): Promise<boolean> {
  const agent = new Agent({ connect: { timeout: timeoutMs, rejectUnauthorized: !isLoopbackUrl(url) }, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  try {
    const res = await request(url, { method: 'HEAD', dispatcher: agent, signal: AbortSignal.timeout(timeoutMs) });
    await res.body.dump().catch(() => undefined);
    return true;
  } catch {
    return false;
  } finally {
    await agent.close().catch(() => undefined);
  }
}

/** The first candidate that answers, probing in order. */
export async function firstAnswering(candidates: readonly BaseUrlCandidate[], timeoutMs?: number): Promise<BaseUrlCandidate | undefined> {
  for (const c of candidates) if (await probe(c.url, timeoutMs)) return c;
  return undefined;
}
