/**
 * Sends a request with undici and reads the response without surprises:
 * - a finite timeout and cancellation; when either strikes after the headers arrived, what
 *   was received is kept and returned, marked incomplete (a stream you stop is not lost);
 * - redirects only when asked (at most 10), credentials dropped on a hop to another origin,
 *   and credentials only ever sent to the configured origin;
 * - chunks handed to `onChunk` as they arrive (event streams, chunked bodies);
 * - a display cap, with the rest kept in a private temp file for "Save full response"
 *   (written with backpressure, so memory stays bounded for any size);
 * - `Content-Encoding` gzip/br/deflate decoded for display, and said so (undici never
 *   decompresses on its own); binary bodies summarized;
 * - TLS verification skipped only for loopback hosts (a dev server's self-signed cert);
 * - every failure turned into one sentence naming the URL, plus what to do about it.
 */
import { once } from 'node:events';
import * as fs from 'node:fs';
import { STATUS_CODES } from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline, type Readable } from 'node:stream';
import * as zlib from 'node:zlib';
import { Agent, buildConnector, request as undiciRequest, type Dispatcher } from 'undici';
import { isLoopbackHost } from './baseUrl';
import type { CookieStore } from './cookieJar';
import type { RequestSpec } from './model';

export type RequestErrorKind =
  | 'untrusted'
  | 'invalid-url'
  | 'refused'
  | 'timeout'
  | 'reset'
  | 'dns'
  | 'tls'
  | 'protocol'
  | 'cancelled'
  | 'redirects'
  | 'other';

export class RequestError extends Error {
  constructor(
    readonly kind: RequestErrorKind,
    message: string,
    readonly url: string,
    /** What the user can do about it. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

export interface SendOptions {
  /** Give up after this long without a complete response (default 30 s). */
  readonly timeoutMs?: number;
  readonly followRedirects?: boolean;
  readonly maxRedirects?: number;
  /** Bytes of body kept for display (default 5 MB); the rest goes to a temp file. */
  readonly maxDisplayBytes?: number;
  /** Keep the bytes beyond the display cap in a temp file (default true), up to `maxFullBytes` (default 2 GB). */
  readonly keepFullBody?: boolean;
  readonly maxFullBytes?: number;
  /** Where the temp files go (default: a private folder under the OS temp dir). */
  readonly tempDir?: string;
  readonly signal?: AbortSignal;
  /** The undici dispatcher; default: a fresh Agent, closed after the response. */
  readonly dispatcher?: Dispatcher;
  /** Called with decoded text as body chunks arrive (text bodies only). */
  readonly onChunk?: (text: string) => void;
  /** Called when the status line and headers arrive. */
  readonly onHeaders?: (head: ResponseHead) => void;
  /** Requests are never sent when this says no (untrusted workspaces). */
  readonly isTrusted?: () => boolean;
  /** Origin the credentials (Authorization, Cookie) belong to; they are never sent elsewhere. Default: the request's origin. */
  readonly credentialsOrigin?: string;
  /** Clock in milliseconds (default `performance.now`). */
  readonly now?: () => number;
  /**
   * A cookie jar: every response's Set-Cookie is stored in it (per origin), and its cookies
   * are added to requests to `credentialsOrigin` only (after any Cookie header of the request).
   */
  readonly cookieJar?: CookieStore;
}

/** What a send did with cookies: names only, never values. */
export interface CookieActivity {
  /** Names of the cookies stored from Set-Cookie headers, on any hop. */
  readonly stored: readonly string[];
  /** Why cookies were refused (another domain, too large…). */
  readonly refused: readonly string[];
  /** Names of the jar's cookies sent with the (last) request. */
  readonly sent: readonly string[];
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
  readonly method: string;
  readonly totalMs: number;
  /** Bytes received, as sent on the wire (before decoding). */
  readonly bytes: number;
  readonly contentType?: string;
  /** `gzip`, `br`, `deflate` when the body was decoded for display. */
  readonly decoded?: string;
  readonly body: ResponseBody;
  /** Where the complete body was saved when it exceeded the display cap (delete it with `discardFullBody`). */
  readonly fullBodyFile?: string;
  readonly redirects: readonly RedirectHop[];
  /** Present when a cookie jar was used. */
  readonly cookies?: CookieActivity;
  /** Set when the response was cut short after its headers arrived (what came is kept). */
  readonly incomplete?: 'timeout' | 'cancelled';
  /** Notes for the reader: decoding, invalid UTF-8, truncation, incompleteness. */
  readonly notes: readonly string[];
}

const CREDENTIAL_HEADERS = new Set(['authorization', 'cookie', 'proxy-authorization']);
const TEXTUAL =
  /^(text\/|application\/(json|.*\+json|xml|.*\+xml|javascript|ecmascript|x-www-form-urlencoded|graphql|x-ndjson|jsonl|problem\+json|yaml|x-yaml|toml)|image\/svg\+xml)/i;
const STREAMING = /^(text\/event-stream|application\/(x-ndjson|jsonl|stream\+json))/i;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const MAX_FULL_BYTES = 2 * 1024 ** 3;

function headerList(headers: Record<string, string | string[] | undefined>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined) continue;
    for (const value of Array.isArray(v) ? v : [v]) out.push([k, value]);
  }
  return out;
}

export function headerValue(headers: ReadonlyArray<readonly [string, string]>, name: string): string | undefined {
  return headers.find(([k]) => k.toLowerCase() === name)?.[1];
}

/** Whether a response's body is a stream to show as it arrives: server-sent events, NDJSON / JSON Lines. */
export function isStreamingResponse(head: Pick<ResponseHead, 'headers'>): boolean {
  return STREAMING.test(headerValue(head.headers, 'content-type') ?? '');
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

/** Plain-language failure for an undici / socket error: one sentence naming the URL, and a hint. */
export function describeError(e: unknown, url: string, timeoutMs: number): RequestError {
  if (e instanceof RequestError) return e;
  const err = e as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException; errors?: NodeJS.ErrnoException[] };
  const code = err.code ?? err.cause?.code ?? err.errors?.[0]?.code ?? '';
  const name = err.name ?? '';
  const message = err.message ?? String(e);
  const origin = originOf(url);
  if (name === 'TimeoutError' || /TIMEOUT/.test(code)) {
    return new RequestError(
      'timeout',
      `No response from ${origin} within ${duration(timeoutMs)} (${url}).`,
      url,
      'The handler may be stuck (an await that never settles?) or the server is busy compiling. Raise nextRouteKit.request.timeoutMs for slow endpoints.',
    );
  }
  if (name === 'AbortError' || code === 'UND_ERR_ABORTED' || code === 'ABORT_ERR')
    return new RequestError('cancelled', `Request to ${url} cancelled.`, url);
  if (code === 'ECONNREFUSED') {
    return new RequestError(
      'refused',
      `Nothing answers at ${origin} (connection refused).`,
      url,
      'Start the dev server (`next dev`), or set nextRouteKit.request.baseUrl to where it runs.',
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME') {
    return new RequestError(
      'dns',
      `The host of ${origin} could not be found (${code}).`,
      url,
      'Check the host name in nextRouteKit.request.baseUrl (or the URL you typed).',
    );
  }
  if (/CERT|SSL|TLS|EPROTO/.test(code) || /certificate|SSL routines|TLS/i.test(message)) {
    return new RequestError(
      'tls',
      `The TLS (https) connection to ${origin} failed: ${code || message}.`,
      url,
      /WRONG_VERSION|wrong version/i.test(code + message)
        ? 'The server speaks plain HTTP: use http:// instead of https://.'
        : "Trust the server's certificate, or use http:// for a local dev server.",
    );
  }
  if (name === 'HTTPParserError' || /^HPE_/.test(code)) {
    return new RequestError(
      'protocol',
      `The server at ${origin} did not answer with HTTP (${message}).`,
      url,
      url.startsWith('http:')
        ? 'If it is an https server (`next dev --experimental-https`), use https://.'
        : 'Check that the base URL points at the Next.js dev server.',
    );
  }
  if (
    code === 'ECONNRESET' ||
    code === 'UND_ERR_SOCKET' ||
    code === 'EPIPE' ||
    /closed|terminated|aborted/i.test(message)
  ) {
    return new RequestError(
      'reset',
      `The server at ${origin} closed the connection before the response was complete (${url}).`,
      url,
      "Check the dev server's terminal: the handler may have crashed or the server restarted.",
    );
  }
  return new RequestError('other', `The request to ${url} failed: ${message}${code ? ` (${code})` : ''}.`, url);
}

/** A dispatcher that verifies TLS certificates except for loopback hosts (dev servers use self-signed ones). */
export function createDispatcher(timeoutMs = 30_000): Agent {
  const connectTimeout = Math.min(timeoutMs, 10_000);
  const verified = buildConnector({ timeout: connectTimeout });
  const loopback = buildConnector({ timeout: connectTimeout, rejectUnauthorized: false });
  return new Agent({
    connect: (opts, callback) =>
      (opts.protocol === 'https:' && isLoopbackHost(opts.hostname) ? loopback : verified)(opts, callback),
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
}

let privateTempDir: string | undefined;
let spillCounter = 0;

function tempFile(dir: string | undefined): string {
  if (!dir) {
    privateTempDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'next-route-kit-'));
    dir = privateTempDir;
  }
  return path.join(dir, `response-${process.pid}-${++spillCounter}.bin`);
}

/** Deletes the temp file holding a full response body, if there is one. */
export function discardFullBody(result: Pick<ResponseResult, 'fullBodyFile'> | undefined): void {
  if (result?.fullBodyFile) fs.rmSync(result.fullBodyFile, { force: true });
}

/** Sends `spec` (variables already filled in) and reads the response. Throws `RequestError`. */
export async function sendRequest(spec: RequestSpec, options: SendOptions = {}): Promise<ResponseResult> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const now = options.now ?? (() => performance.now());
  if (options.isTrusted && !options.isTrusted()) {
    throw new RequestError(
      'untrusted',
      `Not sending ${spec.method} ${spec.url}: requests are never sent from an untrusted workspace.`,
      spec.url,
      'Trust this workspace (Manage Workspace Trust) to send requests.',
    );
  }
  let url: URL;
  try {
    url = new URL(spec.url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('protocol');
  } catch {
    throw new RequestError(
      'invalid-url',
      `"${spec.url}" is not an http(s) URL.`,
      spec.url,
      'Check the base URL, the path parameters and any {{variables}}.',
    );
  }
  if (options.signal?.aborted) throw new RequestError('cancelled', `Request to ${spec.url} cancelled.`, spec.url);
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const ownDispatcher = options.dispatcher ? undefined : createDispatcher(timeoutMs);
  const dispatcher = options.dispatcher ?? ownDispatcher!;
  const credentialsOrigin = options.credentialsOrigin ?? url.origin;
  const redirects: RedirectHop[] = [];
  const started = now();

  let method = spec.method.toUpperCase();
  let body = spec.body;
  let headers = spec.headers.filter(
    ([k]) => !CREDENTIAL_HEADERS.has(k.toLowerCase()) || url.origin === credentialsOrigin,
  );
  const maxRedirects = options.maxRedirects ?? 10;
  const seen = new Set<string>();
  const cookies = options.cookieJar ? new CookieTracker(options.cookieJar) : undefined;
  try {
    for (;;) {
      const headerObj: Record<string, string> = {};
      for (const [k, v] of headers) {
        const key = k.toLowerCase();
        headerObj[key] = headerObj[key] !== undefined ? `${headerObj[key]}${key === 'cookie' ? '; ' : ', '}${v}` : v;
      }
      if (cookies && url.origin === credentialsOrigin) await cookies.addTo(headerObj, url.toString());
      let res: Dispatcher.ResponseData;
      try {
        res = await undiciRequest(url, {
          method: method as Dispatcher.HttpMethod,
          headers: headerObj,
          ...(body !== undefined && method !== 'GET' && method !== 'HEAD' ? { body } : {}),
          dispatcher,
          signal,
        });
      } catch (e) {
        throw describeError(e, url.toString(), timeoutMs);
      }
      const status = res.statusCode;
      const list = headerList(res.headers as Record<string, string | string[] | undefined>);
      await cookies?.storeFrom(url.toString(), list);
      const location = headerValue(list, 'location');
      if (options.followRedirects && REDIRECT_STATUSES.has(status) && location) {
        await res.body.dump().catch(() => undefined);
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new RequestError(
            'redirects',
            `${url} redirected (${status}) to "${location}", which is not a URL.`,
            url.toString(),
          );
        }
        seen.add(`${method} ${url}`);
        if (redirects.length >= maxRedirects || seen.has(`${method} ${next}`)) {
          const loop = seen.has(`${method} ${next}`);
          throw new RequestError(
            'redirects',
            `Stopped after ${redirects.length + 1} redirect${redirects.length ? 's' : ''}${loop ? ' (a redirect loop)' : ''}: the last was ${status} from ${url} to ${next}.`,
            spec.url,
            'Turn nextRouteKit.request.followRedirects off to see the first redirect.',
          );
        }
        const before = headers.length;
        if (next.origin !== credentialsOrigin)
          headers = headers.filter(([k]) => !CREDENTIAL_HEADERS.has(k.toLowerCase()));
        redirects.push({
          status,
          from: url.toString(),
          to: next.toString(),
          droppedCredentials: headers.length < before,
        });
        if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
          if (method !== 'HEAD') method = 'GET';
          body = undefined;
          headers = headers.filter(([k]) => !/^content-(type|length)$/i.test(k));
        }
        url = next;
        continue;
      }
      return await readResponse(
        res,
        { url: url.toString(), method, headers: list, started, redirects, timeoutMs, now, signal, timeout },
        options,
        cookies?.activity(),
      );
    }
  } finally {
    await ownDispatcher?.close().catch(() => undefined);
  }
}

interface ReadContext {
  readonly url: string;
  readonly method: string;
  readonly headers: Array<[string, string]>;
  readonly started: number;
  readonly redirects: RedirectHop[];
  readonly timeoutMs: number;
  readonly now: () => number;
  readonly signal: AbortSignal;
  readonly timeout: AbortSignal;
}

/** Where the bytes beyond the display cap go: a private temp file, written with backpressure. */
class Spill {
  private readonly stream: fs.WriteStream;
  written = 0;

  constructor(readonly file: string) {
    this.stream = fs.createWriteStream(file, { mode: 0o600 });
    this.stream.on('error', () => undefined); // surfaced by end()
  }

  async write(chunk: Buffer): Promise<void> {
    this.written += chunk.length;
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  end(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
  }

  discard(): void {
    this.stream.destroy();
    fs.rmSync(this.file, { force: true });
  }
}

/** Adds a jar's cookies to requests and stores Set-Cookie from responses, remembering names for the result. */
class CookieTracker {
  private readonly stored = new Set<string>();
  private readonly refused: string[] = [];
  private sent: string[] = [];

  constructor(private readonly jar: CookieStore) {}

  /** Appends the jar's cookies the request does not already name. */
  async addTo(headerObj: Record<string, string>, url: string): Promise<void> {
    const fromJar = await this.jar.cookieHeader(url);
    const explicit = new Set((headerObj['cookie'] ?? '').split(';').map((p) => p.split('=')[0]!.trim()));
    const added = fromJar.split('; ').filter((pair) => pair && !explicit.has(pair.split('=')[0]!.trim()));
    this.sent = added.map((pair) => pair.split('=')[0]!);
    if (added.length) headerObj['cookie'] = [headerObj['cookie'], ...added].filter(Boolean).join('; ');
  }

  async storeFrom(url: string, headers: ReadonlyArray<readonly [string, string]>): Promise<void> {
    const setCookies = headers.filter(([k]) => k.toLowerCase() === 'set-cookie').map(([, v]) => v);
    if (!setCookies.length) return;
    const outcome = await this.jar.store(url, setCookies);
    outcome.stored.forEach((n) => this.stored.add(n));
    this.refused.push(...outcome.refused);
    if (outcome.evicted) this.refused.push(`${outcome.evicted} older cookies dropped to keep the jar bounded`);
  }

  activity(): CookieActivity {
    return { stored: [...this.stored], refused: [...this.refused], sent: [...this.sent] };
  }
}

async function readResponse(
  res: Dispatcher.ResponseData,
  ctx: ReadContext,
  options: SendOptions,
  cookies?: CookieActivity,
): Promise<ResponseResult> {
  const maxDisplay = options.maxDisplayBytes ?? 5 * 1024 * 1024;
  const head: ResponseHead = {
    url: ctx.url,
    status: res.statusCode,
    statusText: STATUS_CODES[res.statusCode] ?? '',
    headers: ctx.headers,
    ttfbMs: ctx.now() - ctx.started,
  };
  options.onHeaders?.(head);
  const contentType = headerValue(ctx.headers, 'content-type');
  const encoding = headerValue(ctx.headers, 'content-encoding')?.trim().toLowerCase();
  const notes: string[] = [];
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip()
      : encoding === 'br'
        ? zlib.createBrotliDecompress()
        : encoding === 'deflate'
          ? zlib.createInflate()
          : undefined;
  const textual = !contentType || TEXTUAL.test(contentType);
  const keepFull = options.keepFullBody ?? true;
  const maxFull = options.maxFullBytes ?? MAX_FULL_BYTES;

  let bytes = 0;
  let shown = 0;
  let truncated = false;
  let fullTooBig = false;
  const display: Buffer[] = [];
  /** The first bytes as received, to show when decoding fails. */
  const wirePrefix: Buffer[] = [];
  let wirePrefixBytes = 0;
  let spill: Spill | undefined;
  let looksBinary = !textual;
  const streamDecoder = new TextDecoder('utf-8');

  const consume = async (chunk: Buffer): Promise<void> => {
    if (shown === 0 && !looksBinary && chunk.subarray(0, 1024).includes(0)) looksBinary = true;
    if (shown < maxDisplay) {
      const part = chunk.subarray(0, maxDisplay - shown);
      display.push(part);
      shown += part.length;
      if (!looksBinary && options.onChunk) options.onChunk(streamDecoder.decode(part, { stream: true }));
      if (part.length === chunk.length) return;
      truncated = true;
      if (keepFull) {
        spill = new Spill(tempFile(options.tempDir));
        for (const c of display) await spill.write(c);
        await spill.write(chunk.subarray(part.length));
      }
      return;
    }
    truncated = true;
    if (spill && !fullTooBig) {
      if (spill.written + chunk.length > maxFull) fullTooBig = true;
      else await spill.write(chunk);
    }
  };

  let source: AsyncIterable<Buffer>;
  const body = res.body as unknown as Readable;
  if (decoder) {
    body.on('data', (c: Buffer) => {
      bytes += c.length;
      if (wirePrefixBytes < 64 * 1024) {
        wirePrefix.push(c);
        wirePrefixBytes += c.length;
      }
    });
    source = pipeline(body, decoder, () => undefined) as unknown as AsyncIterable<Buffer>;
  } else source = body as unknown as AsyncIterable<Buffer>;

  let incomplete: ResponseResult['incomplete'];
  let decodeFailed: Error | undefined;
  try {
    for await (const chunk of source) {
      if (!decoder) bytes += chunk.length;
      await consume(chunk);
    }
  } catch (e) {
    const z = e as NodeJS.ErrnoException;
    if (ctx.signal.aborted) {
      incomplete = ctx.timeout.aborted && !options.signal?.aborted ? 'timeout' : 'cancelled';
      body.destroy();
    } else if (
      decoder &&
      (/^Z_/.test(z.code ?? '') ||
        z.code === 'ERR__ERROR_FORMAT_PADDING_1' ||
        (/incorrect header|invalid|unexpected end/i.test(z.message) && !/socket|closed|terminated/i.test(z.message)))
    ) {
      decodeFailed = z;
      body.destroy();
    } else {
      body.destroy();
      spill?.discard();
      throw describeError(e, ctx.url, ctx.timeoutMs);
    }
  }
  if (spill) {
    try {
      await spill.end();
    } catch (e) {
      spill.discard();
      spill = undefined;
      notes.push(`The full body could not be kept on disk (${(e as Error).message}).`);
    }
  }

  if (decodeFailed) {
    notes.push(
      `The body says Content-Encoding: ${encoding} but could not be decoded (${decodeFailed.message}); showing the bytes as received.`,
    );
    display.splice(0, display.length, Buffer.concat(wirePrefix).subarray(0, maxDisplay));
    looksBinary = true;
    spill?.discard();
    spill = undefined;
  } else if (decoder) notes.push(`Decoded from ${encoding} for display (${formatBytes(bytes)} on the wire).`);
  if (!decoder && encoding && encoding !== 'identity')
    notes.push(`Content-Encoding ${encoding} is not decoded for display.`);

  const raw = Buffer.concat(display);
  let shownBody: ResponseBody;
  if (raw.length === 0) shownBody = { kind: 'empty' };
  else if (looksBinary) {
    shownBody = {
      kind: 'binary',
      summary: `${contentType ?? 'no content type'}, ${formatBytes(bytes)}, starts with ${raw
        .subarray(0, 16)
        .toString('hex')
        .replace(/(..)(?!$)/g, '$1 ')}`,
      truncated,
    };
  } else {
    let invalidUtf8 = false;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(raw, { stream: truncated || !!incomplete });
    } catch {
      invalidUtf8 = true;
    }
    shownBody = { kind: 'text', text: new TextDecoder('utf-8').decode(raw), truncated, invalidUtf8 };
    if (invalidUtf8) notes.push('The body is not valid UTF-8; invalid bytes are shown as \ufffd.');
  }
  if (truncated) {
    notes.push(
      spill && !fullTooBig
        ? `Showing the first ${formatBytes(maxDisplay)} of ${formatBytes(spill.written)}; the full body is kept for Save Full Response.`
        : spill
          ? `Showing the first ${formatBytes(maxDisplay)}; ${formatBytes(spill.written)} kept for Save Full Response (the rest exceeded ${formatBytes(maxFull)}).`
          : `Showing the first ${formatBytes(maxDisplay)}; the rest (${formatBytes(Math.max(0, bytes - shown))}${decoder ? ' on the wire' : ''}) was not kept.`,
    );
  }
  const totalMs = ctx.now() - ctx.started;
  if (incomplete === 'timeout')
    notes.push(
      `Stopped after ${duration(ctx.timeoutMs)} with the body still arriving; showing what came (nextRouteKit.request.timeoutMs).`,
    );
  if (incomplete === 'cancelled') notes.push('Cancelled with the body still arriving; showing what came.');
  return {
    ...head,
    method: ctx.method,
    totalMs,
    bytes,
    ...(contentType ? { contentType } : {}),
    ...(decoder && !decodeFailed ? { decoded: encoding! } : {}),
    body: shownBody,
    ...(spill ? { fullBodyFile: spill.file } : {}),
    redirects: ctx.redirects,
    ...(cookies ? { cookies } : {}),
    ...(incomplete ? { incomplete } : {}),
    notes,
  };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}
