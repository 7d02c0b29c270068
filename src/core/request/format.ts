/**
 * A response as text, for the editor's response view (highlighted by syntaxes/) and the CLI:
 * status line, timing and size, headers, then the body — pretty JSON when it parses, raw text
 * otherwise, a summary for binary. Nothing here is ever executed or rendered as HTML.
 */
import type { ResponseHead, ResponseResult } from './send';
import { formatBytes } from './send';

export function statusLine(head: Pick<ResponseHead, 'status' | 'statusText'>): string {
  return `HTTP/1.1 ${head.status}${head.statusText ? ' ' + head.statusText : ''}`;
}

/**
 * A response header as shown: a Set-Cookie value is a session secret, so only the cookie's
 * name and attributes are shown (the value lives in the cookie jar).
 */
export function headerLine(name: string, value: string): string {
  if (name.toLowerCase() !== 'set-cookie') return `${name}: ${value}`;
  const [pair = '', ...attributes] = value.split(';');
  const eq = pair.indexOf('=');
  const cookieName = eq >= 0 ? pair.slice(0, eq).trim() : pair.trim();
  const length = eq >= 0 ? pair.slice(eq + 1).trim().length : 0;
  const shown = length ? `<${length} characters, hidden>` : '';
  return `${name}: ${[`${cookieName}=${shown}`, ...attributes.map((a) => a.trim())].join('; ')}`;
}

export function formatHead(head: ResponseHead, request: { method: string }): string {
  const lines = [statusLine(head), `# ${request.method} ${head.url}`];
  for (const [k, v] of head.headers) lines.push(headerLine(k, v));
  return lines.join('\n') + '\n';
}

/** What the cookie jar did, by cookie name: `# cookies: kept session; sent csrf`. */
export function cookieNotes(result: Pick<ResponseResult, 'cookies'>): string[] {
  const c = result.cookies;
  if (!c) return [];
  const out: string[] = [];
  if (c.sent.length) out.push(`cookies sent from the jar: ${c.sent.join(', ')}`);
  if (c.stored.length) out.push(`cookies kept in the jar: ${c.stored.join(', ')}`);
  for (const r of c.refused) out.push(`cookie refused: ${r}`);
  return out;
}

function isJson(contentType: string | undefined): boolean {
  return !!contentType && /^application\/(json|.*\+json)|^text\/json/i.test(contentType);
}

/** The body as shown: pretty JSON when it is (complete) JSON, else as received. */
export function formatBody(result: Pick<ResponseResult, 'body' | 'contentType'>): { text: string; note?: string } {
  const body = result.body;
  if (body.kind === 'empty') return { text: '' };
  if (body.kind === 'binary') return { text: `<binary: ${body.summary}>` };
  if (isJson(result.contentType) && !body.truncated) {
    try {
      return { text: JSON.stringify(JSON.parse(body.text), null, 2) };
    } catch (e) {
      return {
        text: body.text,
        note: `The body is not valid JSON although Content-Type says so (${(e as Error).message}); shown as received.`,
      };
    }
  }
  return { text: body.text };
}

/**
 * The redirect chain, one line per hop (status, from, Location), when redirects were
 * followed; when not, what the redirect points at and that it was not followed.
 */
export function redirectLines(result: Pick<ResponseResult, 'redirects' | 'status' | 'headers' | 'url'>): string[] {
  const lines = result.redirects.map(
    (hop, i) =>
      `# redirected ${hop.status} from ${hop.from} → ${hop.to} (hop ${i + 1} of ${result.redirects.length})${hop.droppedCredentials ? ' (credentials not sent to the new origin)' : ''}`,
  );
  const location = result.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
  if (result.status >= 300 && result.status < 400 && location) {
    let target = location;
    try {
      target = new URL(location, result.url).toString();
    } catch {
      /* shown as written */
    }
    lines.push(`# ${result.status} redirect to ${target} (not followed)`);
  }
  return lines;
}

export function formatResponse(result: ResponseResult, request: { method: string }): string {
  const lines = [statusLine(result), `# ${request.method} ${result.url}`];
  lines.push(
    `# ${Math.round(result.ttfbMs)} ms to first byte · ${Math.round(result.totalMs)} ms total · ${formatBytes(result.bytes)}`,
  );
  lines.push(...redirectLines(result));
  const body = formatBody(result);
  for (const note of [...result.notes, ...cookieNotes(result), ...(body.note ? [body.note] : [])])
    lines.push(`# ${note}`);
  for (const [k, v] of result.headers) lines.push(headerLine(k, v));
  lines.push('');
  if (body.text) lines.push(body.text);
  return lines.join('\n') + '\n';
}
