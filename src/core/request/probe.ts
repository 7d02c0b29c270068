/**
 * Is something listening at a base URL? A TCP connection is enough — an HTTP request would
 * make `next dev` compile a page first (seconds on a cold server), which a probe must not.
 */
import * as net from 'node:net';
import type { BaseUrlCandidate } from './baseUrl';

export function probe(url: string, timeoutMs = 1500): Promise<boolean> {
  let host: string;
  let port: number;
  try {
    const u = new URL(url);
    host = u.hostname.replace(/^\[|\]$/g, '');
    port = u.port ? Number(u.port) : u.protocol === 'https:' ? 443 : 80;
  } catch {
    return Promise.resolve(false);
  }
  const hosts = host === 'localhost' ? ['127.0.0.1', '::1'] : [host];
  return hosts.reduce<Promise<boolean>>(
    (prev, h) => prev.then((ok) => ok || connect(h, port, timeoutMs)),
    Promise.resolve(false),
  );
}

function connect(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean): void => {
      socket.removeAllListeners();
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** The first candidate that answers, probing in order. */
export async function firstAnswering(
  candidates: readonly BaseUrlCandidate[],
  timeoutMs?: number,
): Promise<BaseUrlCandidate | undefined> {
  for (const c of candidates) if (await probe(c.url, timeoutMs)) return c;
  return undefined;
}
