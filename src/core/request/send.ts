/**
 * Sends a request with undici and reads the response without surprises: a finite timeout and
 * cancellation, redirects only when asked (at most 10, credentials dropped on a hop to another
 * origin), chunks delivered as they arrive (event streams), a display cap with the rest kept
 * on disk for "Save full response", content-encoding decoded for display and said so,
 * binary bodies summarized, and every failure turned into one clear sentence.
 */
import * as fs from 'node:fs';
import { STATUS_CODES } from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as zlib from 'node:zlib';
import { Agent, request as undiciRequest, type Dispatcher } from 'undici';
import { isLoopbackUrl } from './baseUrl';
import type { RequestSpec } from './model';

export type RequestErrorKind = 'untrusted' | 'invalid-url' | 'refused' | 'timeout' | 'reset' | 'dns' | 'tls' | 'cancelled' | 'redirects' | 'other';

export class RequestError extends Error {
  constructor(
    readonly kind: RequestErrorKind,
    message: string,
    readonly url: string,
    /** What the user can do about it. */
    readonly hint?: string,
  ) {
    super(message);
  }
}

export interface SendOptions {
  readonly timeoutMs?: number;
  readonly followRedirects?: boolean;
  readonly maxRedirects?: number;
  /** Bytes of body kept for display (default 5 MB); the rest goes to a file. */
  readonly maxDisplayBytes?: number;
  /** Keep bytes beyond the display cap in a temp file (default true, up to `maxFullBytes`). */
  readonly keepFullBody?: boolean;
  readonly maxFullBytes?: number;
  readonly signal?: AbortSignal;
  /** The undici dispatcher (a shared Agent in the editor; tests pass their own). */
  readonly dispatcher?: Dispatcher;
  /** Called with decoded text as body chunks arrive. */
  readonly onChunk?: (text: string) => void;
  /** Called when the status line and headers arrive. */
  readonly onHeaders?: (head: ResponseHead) => void;
  /** Requests are never sent from untrusted workspaces. */
  readonly isTrusted?: () => boolean;
  /** Origin the credentials (Authorization, Cookie) belong to; they are never sent elsewhere. */
  readonly credentialsOrigin?: string;
}

export interface ResponseHead {
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly ttfbMs: number;
}

export interface RedirectHop {
  readonly status: number;
  readonly from: string;
  readonly to: string;
  readonly droppedCredentials: boolean;
}

export type ResponseBody =
  | { readonly kind: 'text'; readonly text: string; readonly truncated: boolean; readonly invalidUtf8: boolean }
  | { readonly kind: 'binary'; readonly summary: string; readonly truncated: boolean }
  | { readonly kind: 'empty' };

export interface ResponseResult extends ResponseHead {
  readonly totalMs: number;
  /** Bytes received (as sent on the wire, before decoding). */
  readonly bytes: number;
  readonly contentType?: string;
  /** `gzip`, `br`, `deflate` when the body was decoded for display. */
  readonly decoded?: string;
  readonly body: ResponseBody;
  /** Where the complete body was saved when it exceeded the display cap. */
  readonly fullBodyFile?: string;
  readonly redirects: readonly RedirectHop[];
  /** Notes for the reader: decoding, invalid UTF-8, truncation. */
  readonly notes: readonly string[];
}

const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);
const TEXTUAL = /^(text\/|application\/(json|.*\+json|xml|.*\+xml|javascript|x-www-form-urlencoded|graphql|x-ndjson|problem\+json)|image\/svg\+xml)/i;

function headerList(headers: Record<string, string | string[] | undefined>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    for (const value of Array.isArray(v) ? v : [v]) out.push([k, value]);
  }
  return out;
}

function headerValue(headers: ReadonlyArray<readonly [string, string]>, name: string): string | undefined {
  return headers.find(([k]) => k.toLowerCase() === name)?.[1];
}

/** Plain-language failure for an undici / socket error. */
export function describeError(e: unknown, url: string, timeoutMs: number): RequestError {
  if (e instanceof RequestError) return e;
  const err = e as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = err.code ?? err.cause?.code ?? '';
  const name = err.name ?? '';
  let origin = url;
  try {
    origin = new URL(url).origin;
  } catch {
    /* keep url */
  }
  if (name === 'TimeoutError' || /TIMEOUT/.test(code)) {
    return new RequestError('timeout', `No complete response from ${origin} within ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}.`, url, 'The handler may be stuck (an await that never settles?) or the server is busy. Raise nextRouteKit.request.timeoutMs for slow endpoints.');
  }
  if (name === 'AbortError' || code === 'UND_ERR_ABORTED' || code === 'ABORT_ERR') return new RequestError('cancelled', 'Request cancelled.', url);
  if (code === 'ECONNREFUSED') {
    return new RequestError('refused', `Nothing answers at ${origin} (connection refused).`, url, 'Start the dev server (`next dev`), or set nextRouteKit.request.baseUrl to where it runs.');
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new RequestError('dns', `The host of ${origin} could not be found.`, url, 'Check nextRouteKit.request.baseUrl.');
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE' || /closed/i.test(err.message ?? '')) {
    return new RequestError('reset', `The server at ${origin} closed the connection before the response was complete.`, url, 'Check the dev server\'s terminal: the handler may have crashed mid-response.');
  }
  if (/CERT|SSL|TLS|EPROTO/.test(code) || /certificate|SSL/i.test(err.message ?? '')) {
    return new RequestError('tls', `The TLS connection to ${origin} failed (${code || err.message}).`, url, 'Use http:// for a local dev server, or trust its certificate.');
  }
  return new RequestError('other', `The request to ${origin} failed: ${err.message ?? String(e)}${code ? ` (${code})` : ''}.`, url);
}

let spillCounter = 0;

/** Sends `spec` (variables already substituted) and reads the response. */
export async function sendRequest(spec: RequestSpec, options: SendOptions = {}): Promise<ResponseResult> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxDisplay = options.maxDisplayBytes ?? 5 * 1024 * 1024;
  if (options.isTrusted && !options.isTrusted()) {
    throw new RequestError('untrusted', 'Requests are not sent from an untrusted workspace.', spec.url, 'Trust this workspace (Manage Workspace Trust) to send requests.');
  }
  let url: URL;
  try {
    url = new URL(spec.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new RequestError('invalid-url', `"${spec.url}" is not an http(s) URL.`, spec.url, 'Check the base URL and the path parameters.');
  }
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const ownDispatcher = options.dispatcher
    ? undefined
    : new Agent({ connect: { timeout: Math.min(timeoutMs, 10_000), rejectUnauthorized: !isLoopbackUrl(spec.url) }, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
  const dispatcher = options.dispatcher ?? ownDispatcher!;
  const credentialsOrigin = options.credentialsOrigin ?? url.origin;
  const redirects: RedirectHop[] = [];
  const started = performance.now();

  let method = spec.method.toUpperCase();
  let body = spec.body;
  let headers = spec.headers.filter(([k]) => !CREDENTIAL_HEADERS.has(k.toLowerCase()) || url.origin === credentialsOrigin);
  const maxRedirects = options.maxRedirects ?? 10;
  const seen = new Set<string>();
  try {
    for (;;) {
      const headerObj: Record<string, string> = {};
      for (const [k, v] of headers) headerObj[k] = headerObj[k] !== undefined ? `${headerObj[k]}, ${v}` : v;
      let res: Dispatcher.ResponseData;
      try {
        res = await undiciRequest(url, { method: method as Dispatcher.HttpMethod, headers: headerObj, ...(body !== undefined && method !== 'GET' && method !== 'HEAD' ? { body } : {}), dispatcher, signal });
      } catch (e) {
        throw describeError(e, url.toString(), timeoutMs);
      }
      const status = res.statusCode;
      const list = headerList(res.headers as Record<string, string | string[] | undefined>);
      const location = headerValue(list, 'location');
      if (options.followRedirects && [301, 302, 303, 307, 308].includes(status) && location) {
        await res.body.dump().catch(() => undefined);
        const next = new URL(location, url);
        if (redirects.length >= maxRedirects || seen.has(`${method} ${next}`)) {
          throw new RequestError('redirects', `Stopped after ${redirects.length + 1} redirects${seen.has(`${method} ${next}`) ? ' (a redirect loop)' : ''}: last ${status} to ${next}.`, spec.url, 'Turn nextRouteKit.request.followRedirects off to see the first redirect.');
        }
        seen.add(`${method} ${url}`);
        const crossOrigin = next.origin !== credentialsOrigin;
        const before = headers.length;
        if (crossOrigin) headers = headers.filter(([k]) => !CREDENTIAL_HEADERS.has(k.toLowerCase()));
        redirects.push({ status, from: url.toString(), to: next.toString(), droppedCredentials: headers.length < before });
        if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
          method = 'GET';
          body = undefined;
          headers = headers.filter(([k]) => !/^content-(type|length)$/i.test(k));
        }
        url = next;
        continue;
      }
      return await readResponse(res, url.toString(), list, started, redirects, { ...options, maxDisplayBytes: maxDisplay, timeoutMs }, signal);
    }
  } finally {
    await ownDispatcher?.close().catch(() => undefined);
  }
}

async function readResponse(
  res: Dispatcher.ResponseData,
  url: string,
  headers: Array<[string, string]>,
  started: number,
  redirects: RedirectHop[],
  options: SendOptions & { maxDisplayBytes: number; timeoutMs: number },
  signal: AbortSignal,
): Promise<ResponseResult> {
  const head: ResponseHead = {
    url,
    status: res.statusCode,
    statusText: STATUS_CODES[res.statusCode] ?? '',
    headers,
    ttfbMs: performance.now() - started,
  };
  options.onHeaders?.(head);
  const contentType = headerValue(headers, 'content-type');
  const encoding = headerValue(headers, 'content-encoding')?.trim().toLowerCase();
  const notes: string[] = [];
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? zlib.createGunzip() : encoding === 'br' ? zlib.createBrotliDecompress() : encoding === 'deflate' ? zlib.createInflate() : undefined;
  const textual = !contentType || TEXTUAL.test(contentType);

  let bytes = 0;
  let shown = 0;
  let truncated = false;
  const displayChunks: Buffer[] = [];
  let spill: fs.WriteStream | undefined;
  let spillFile: string | undefined;
  let spilled = 0;
  let looksBinary = !textual;
  let utf8 = new TextDecoder('utf-8', { fatal: true });
  let invalidUtf8 = false;
  const decodeText = (chunk: Buffer): string => {
    if (invalidUtf8) return utf8.decode(chunk, { stream: true });
    try {
      return utf8.decode(chunk, { stream: true });
    } catch {
      invalidUtf8 = true;
      utf8 = new TextDecoder('utf-8', { fatal: false });
      return utf8.decode(chunk, { stream: true });
    }
  };
  const keepFull = options.keepFullBody ?? true;
  const maxFull = options.maxFullBytes ?? 2 * 1024 ** 3;

  const consumeDecoded = (chunk: Buffer): void => {
    if (shown === 0 && textual && chunk.subarray(0, 1024).includes(0)) looksBinary = true;
    if (shown < options.maxDisplayBytes) {
      const part = chunk.subarray(0, options.maxDisplayBytes - shown);
      displayChunks.push(part);
      shown += part.length;
      if (!looksBinary && options.onChunk) options.onChunk(decodeText(part));
      if (part.length < chunk.length) truncated = true;
      if (truncated && keepFull) {
        spillFile = path.join(os.tmpdir(), `next-route-kit-response-${process.pid}-${++spillCounter}.bin`);
        spill = fs.createWriteStream(spillFile);
        for (const c of displayChunks) spill.write(c);
        spill.write(chunk.subarray(part.length));
        spilled = shown + chunk.length - part.length;
      }
    } else {
      truncated = true;
      if (spill && spilled < maxFull) {
        spill.write(chunk);
        spilled += chunk.length;
      }
    }
  };

  try {
    if (decoder) {
      decoder.on('data', consumeDecoded);
      const done = new Promise<void>((resolve, reject) => {
        decoder.on('end', () => resolve());
        decoder.on('error', reject);
      });
      for await (const chunk of res.body) {
        bytes += (chunk as Buffer).length;
        if (!decoder.write(chunk)) await new Promise((r) => decoder.once('drain', r));
      }
      decoder.end();
      await done.catch((e: Error) => {
        notes.push(`The body is marked ${encoding} but could not be decoded (${e.message}); shown as received.`);
      });
    } else {
      for await (const chunk of res.body) {
        bytes += (chunk as Buffer).length;
        consumeDecoded(chunk as Buffer);
        if (signal.aborted) break;
      }
    }
  } catch (e) {
    res.body.destroy();
    spill?.destroy();
    throw describeError(e, url, options.timeoutMs);
  } finally {
    if (spill) await new Promise<void>((resolve) => spill!.end(() => resolve()));
  }
  if (signal.aborted) throw describeError(signal.reason ?? new DOMException('aborted', 'AbortError'), url, options.timeoutMs);

  if (decoder && notes.length === 0) notes.push(`Decoded from ${encoding} (${bytes} bytes on the wire).`);
  if (!decoder && encoding && encoding !== 'identity') notes.push(`Content-Encoding ${encoding} is not decoded for display.`);
  const raw = Buffer.concat(displayChunks);
  let body: ResponseBody;
  if (raw.length === 0) body = { kind: 'empty' };
  else if (looksBinary) {
    body = { kind: 'binary', summary: `${contentType ?? 'binary data'}, ${bytes} bytes${raw.length ? `, starts with ${raw.subarray(0, 16).toString('hex').replace(/(..)/g, '$1 ').trim()}` : ''}`, truncated };
  } else {
    const text = new TextDecoder('utf-8', { fatal: false }).decode(raw);
    if (!invalidUtf8) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(raw);
      } catch {
        invalidUtf8 = true;
      }
    }
    body = { kind: 'text', text, truncated, invalidUtf8 };
    if (invalidUtf8) notes.push('The body is not valid UTF-8; invalid bytes are shown as �.');
  }
  if (truncated) {
    notes.push(
      spillFile
        ? `Showing the first ${formatBytes(options.maxDisplayBytes)} of ${formatBytes(spilled)}; the full body is kept for Save Full Response.`
        : `Showing the first ${formatBytes(options.maxDisplayBytes)}; the rest (${formatBytes(bytes - shown)}) was not kept.`,
    );
  }
  return {
    ...head,
    totalMs: performance.now() - started,
    bytes,
    ...(contentType ? { contentType } : {}),
    ...(decoder ? { decoded: encoding! } : {}),
    body,
    ...(spillFile ? { fullBodyFile: spillFile } : {}),
    redirects,
    notes,
  };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}
