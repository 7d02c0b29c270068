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

/**
 * A setting or option the user can change to get past an error. The core names only the
 * knob; each host words it (the editor names its setting and command, the CLI its flag).
 */
export type RequestKnob = 'baseUrl' | 'timeout' | 'followRedirects';

export class RequestError extends Error {
  constructor(
    readonly kind: RequestErrorKind,
    message: string,
    readonly url: string,
    /** What the user can do about it, in words that fit every host (no setting or flag names). */
    readonly hint?: string,
    /** The knob that gets past it, worded by the host (see `RequestKnob`). */
    readonly knob?: RequestKnob,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

/** The error for a request from an untrusted workspace. */
export function untrustedError(method: string, url: string): RequestError {
  return new RequestError(
    'untrusted',
    `Not sending ${method} ${url}: requests are never sent from an untrusted workspace.`,
    url,
    'Trust this workspace to send requests.',
  );
}

/** The error for a URL that is not absolute http(s). */
export function invalidUrlError(url: string): RequestError {
  return new RequestError(
    'invalid-url',
    `"${url}" is not an http(s) URL.`,
    url,
    'Check the base URL, the path parameters and any {{variables}}.',
  );
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

/** What an undici / socket error says, gathered from the error and its causes. */
interface ErrorFacts {
  readonly code: string;
  readonly name: string;
  readonly message: string;
  readonly url: string;
  readonly origin: string;
  readonly timeoutMs: number;
}

function errorFacts(e: unknown, url: string, timeoutMs: number): ErrorFacts {
  const err = e as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException; errors?: NodeJS.ErrnoException[] };
  return {
    code: err.code ?? err.cause?.code ?? err.errors?.[0]?.code ?? '',
    name: err.name ?? '',
    message: err.message ?? String(e),
    url,
    origin: originOf(url),
    timeoutMs,
  };
}

function timeoutError(f: ErrorFacts): RequestError | undefined {
  if (f.name !== 'TimeoutError' && !/TIMEOUT/.test(f.code)) return undefined;
  return new RequestError(
    'timeout',
    `No response from ${f.origin} within ${duration(f.timeoutMs)} (${f.url}).`,
    f.url,
    'The handler may be stuck (an await that never settles?) or the server is busy compiling.',
    'timeout',
  );
}

function cancelledError(f: ErrorFacts): RequestError | undefined {
  if (f.name !== 'AbortError' && f.code !== 'UND_ERR_ABORTED' && f.code !== 'ABORT_ERR') return undefined;
  return new RequestError('cancelled', `Request to ${f.url} cancelled.`, f.url);
}

function refusedError(f: ErrorFacts): RequestError | undefined {
  if (f.code !== 'ECONNREFUSED') return undefined;
  return new RequestError(
    'refused',
    `Nothing answers at ${f.origin} (connection refused).`,
    f.url,
    'Start the dev server (`next dev`).',
    'baseUrl',
  );
}

function dnsError(f: ErrorFacts): RequestError | undefined {
  if (f.code !== 'ENOTFOUND' && f.code !== 'EAI_AGAIN' && f.code !== 'EAI_NONAME') return undefined;
  return new RequestError(
    'dns',
    `The host of ${f.origin} could not be found (${f.code}).`,
    f.url,
    'Check the host name in the base URL (or the URL you typed).',
    'baseUrl',
  );
}

function tlsError(f: ErrorFacts): RequestError | undefined {
  if (!/CERT|SSL|TLS|EPROTO/.test(f.code) && !/certificate|SSL routines|TLS/i.test(f.message)) return undefined;
  return new RequestError(
    'tls',
    `The TLS (https) connection to ${f.origin} failed: ${f.code || f.message}.`,
    f.url,
    /WRONG_VERSION|wrong version/i.test(f.code + f.message)
      ? 'The server speaks plain HTTP: use http:// instead of https://.'
      : "Trust the server's certificate, or use http:// for a local dev server.",
  );
}

function protocolError(f: ErrorFacts): RequestError | undefined {
  if (f.name !== 'HTTPParserError' && !/^HPE_/.test(f.code)) return undefined;
  return new RequestError(
    'protocol',
    `The server at ${f.origin} did not answer with HTTP (${f.message}).`,
    f.url,
    f.url.startsWith('http:')
      ? 'If it is an https server (`next dev --experimental-https`), use https://.'
      : 'Check that the base URL points at the Next.js dev server.',
  );
}

function resetError(f: ErrorFacts): RequestError | undefined {
  const reset =
    ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'].includes(f.code) || /closed|terminated|aborted/i.test(f.message);
  if (!reset) return undefined;
  return new RequestError(
    'reset',
    `The server at ${f.origin} closed the connection before the response was complete (${f.url}).`,
    f.url,
    "Check the dev server's terminal: the handler may have crashed or the server restarted.",
  );
}

/** Tried in order: the first that recognizes the error words it. */
const CLASSIFIERS = [timeoutError, cancelledError, refusedError, dnsError, tlsError, protocolError, resetError];

/** Plain-language failure for an undici / socket error: one sentence naming the URL, and a hint. */
export function describeError(e: unknown, url: string, timeoutMs: number): RequestError {
  if (e instanceof RequestError) return e;
  const facts = errorFacts(e, url, timeoutMs);
  for (const classify of CLASSIFIERS) {
    const error = classify(facts);
    if (error) return error;
  }
  const { message, code } = facts;
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

/** One hop on the wire: the first request, then each redirect followed. */
interface Hop {
  readonly url: URL;
  readonly method: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body?: string;
}

function isCredential([name]: readonly [string, string]): boolean {
  return CREDENTIAL_HEADERS.has(name.toLowerCase());
}

/** The first hop: refused from an untrusted workspace or for a non-http(s) URL; credentials only for their origin. */
function firstHop(spec: RequestSpec, options: SendOptions): Hop {
  if (options.isTrusted && !options.isTrusted()) throw untrustedError(spec.method, spec.url);
  let url: URL;
  try {
    url = new URL(spec.url);
  } catch {
    throw invalidUrlError(spec.url);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidUrlError(spec.url);
  if (options.signal?.aborted) throw new RequestError('cancelled', `Request to ${spec.url} cancelled.`, spec.url);
  const credentialsOrigin = options.credentialsOrigin ?? url.origin;
  const headers = spec.headers.filter((h) => !isCredential(h) || url.origin === credentialsOrigin);
  const hop: { -readonly [K in keyof Hop]: Hop[K] } = { url, method: spec.method.toUpperCase(), headers };
  if (spec.body !== undefined) hop.body = spec.body;
  return hop;
}

/** Headers as undici takes them: one value per name, repeated ones joined (`; ` for Cookie). */
function headerObject(headers: Hop['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of headers) {
    const key = k.toLowerCase();
    out[key] = out[key] !== undefined ? `${out[key]}${key === 'cookie' ? '; ' : ', '}${v}` : v;
  }
  return out;
}

/** Where redirects stand: the hops taken and the requests seen (to stop a loop). */
interface RedirectState {
  readonly specUrl: string;
  readonly credentialsOrigin: string;
  readonly maxRedirects: number;
  readonly hops: RedirectHop[];
  readonly seen: Set<string>;
}

/** The hop after a redirect: credentials dropped for another origin, POST turned into GET where browsers do. */
function redirectHop(hop: Hop, status: number, location: string, state: RedirectState): Hop {
  let next: URL;
  try {
    next = new URL(location, hop.url);
  } catch {
    const url = hop.url.toString();
    throw new RequestError('redirects', `${url} redirected (${status}) to "${location}", which is not a URL.`, url);
  }
  state.seen.add(`${hop.method} ${hop.url}`);
  const loop = state.seen.has(`${hop.method} ${next}`);
  if (state.hops.length >= state.maxRedirects || loop) {
    const count = state.hops.length + 1;
    throw new RequestError(
      'redirects',
      `Stopped after ${count} redirect${count > 1 ? 's' : ''}${loop ? ' (a redirect loop)' : ''}: the last was ${status} from ${hop.url} to ${next}.`,
      state.specUrl,
      undefined,
      'followRedirects',
    );
  }
  let headers = next.origin === state.credentialsOrigin ? hop.headers : hop.headers.filter((h) => !isCredential(h));
  state.hops.push({
    status,
    from: hop.url.toString(),
    to: next.toString(),
    droppedCredentials: headers.length < hop.headers.length,
  });
  if (status === 303 || ((status === 301 || status === 302) && hop.method === 'POST')) {
    headers = headers.filter(([k]) => !/^content-(type|length)$/i.test(k));
    return { url: next, method: hop.method === 'HEAD' ? 'HEAD' : 'GET', headers };
  }
  return { ...hop, url: next, headers };
}

/** Adds a jar's cookies to requests and stores Set-Cookie from responses, remembering names for the result. */
class CookieTracker {
  private readonly stored = new Set<string>();
  private readonly refused: string[] = [];
  private sent: string[] = [];

  constructor(
    private readonly jar: CookieStore,
    private readonly credentialsOrigin: string,
  ) {}

  /** The hop's headers as undici takes them, with the jar's cookies the request does not already name (its origin only). */
  async headersFor(hop: Hop): Promise<Record<string, string>> {
    const out = headerObject(hop.headers);
    if (hop.url.origin !== this.credentialsOrigin) return out;
    const fromJar = (await this.jar.cookieHeader(hop.url.toString())) ?? '';
    const explicit = new Set((out['cookie'] ?? '').split(';').map((p) => p.split('=')[0]!.trim()));
    const added = fromJar.split('; ').filter((pair) => pair && !explicit.has(pair.split('=')[0]!.trim()));
    this.sent = added.map((pair) => pair.split('=')[0]!);
    if (added.length) out['cookie'] = [out['cookie'], ...added].filter(Boolean).join('; ');
    return out;
  }

  async storeFrom(url: string, headers: ReadonlyArray<readonly [string, string]>): Promise<void> {
    const setCookies = headers.filter(([k]) => k.toLowerCase() === 'set-cookie').map(([, v]) => v);
    if (!setCookies.length) return;
    const outcome = await this.jar.store(url, setCookies);
    if (!outcome) return;
    outcome.stored.forEach((n) => this.stored.add(n));
    this.refused.push(...outcome.refused);
    if (outcome.evicted) this.refused.push(`${outcome.evicted} older cookies dropped to keep the jar bounded`);
  }

  activity(): CookieActivity {
    return { stored: [...this.stored], refused: [...this.refused], sent: [...this.sent] };
  }
}

async function dispatch(
  hop: Hop,
  dispatcher: Dispatcher,
  signal: AbortSignal,
  timeoutMs: number,
  cookies?: CookieTracker,
): Promise<Dispatcher.ResponseData> {
  const headers = cookies ? await cookies.headersFor(hop) : headerObject(hop.headers);
  try {
    const request: Omit<Dispatcher.RequestOptions<null>, 'origin' | 'path'> & { dispatcher: Dispatcher } = {
      method: hop.method as Dispatcher.HttpMethod,
      headers,
      dispatcher,
      signal,
    };
    if (hop.body !== undefined && hop.method !== 'GET' && hop.method !== 'HEAD') request.body = hop.body;
    return await undiciRequest(hop.url, request);
  } catch (e) {
    throw describeError(e, hop.url.toString(), timeoutMs);
  }
}

/** Sends `spec` (variables already filled in) and reads the response. Throws `RequestError`. */
export async function sendRequest(spec: RequestSpec, options: SendOptions = {}): Promise<ResponseResult> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const now = options.now ?? (() => performance.now());
  let hop = firstHop(spec, options);
  const timer = timeoutSignal(timeoutMs);
  const timeout = timer.signal;
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const ownDispatcher = options.dispatcher ? undefined : createDispatcher(timeoutMs);
  const redirects: RedirectState = {
    specUrl: spec.url,
    credentialsOrigin: options.credentialsOrigin ?? hop.url.origin,
    maxRedirects: options.maxRedirects ?? 10,
    hops: [],
    seen: new Set(),
  };
  const cookies = options.cookieJar ? new CookieTracker(options.cookieJar, redirects.credentialsOrigin) : undefined;
  const started = now();
  try {
    for (;;) {
      const res = await dispatch(hop, options.dispatcher ?? ownDispatcher!, signal, timeoutMs, cookies);
      const headers = headerList(res.headers as Record<string, string | string[] | undefined>);
      await cookies?.storeFrom(hop.url.toString(), headers);
      const location = headerValue(headers, 'location');
      if (!options.followRedirects || !REDIRECT_STATUSES.has(res.statusCode) || !location) {
        const url = hop.url.toString();
        const ctx: ReadContext = {
          url,
          method: hop.method,
          cookies: cookies?.activity(),
          headers,
          started,
          redirects: redirects.hops,
          timeoutMs,
          now,
          signal,
          timeout,
        };
        return await readResponse(res, ctx, options);
      }
      await res.body.dump().catch(() => undefined);
      hop = redirectHop(hop, res.statusCode, location, redirects);
    }
  } finally {
    timer.clear();
    await ownDispatcher?.close().catch(() => undefined);
  }
}

/**
 * A signal that aborts with a `TimeoutError` after `ms`, as `AbortSignal.timeout(ms)` does, and
 * a `clear()` for when the request is done: `AbortSignal.timeout` keeps its timer (and a weak
 * reference) alive for the whole duration, a cost every request paid.
 */
function timeoutSignal(ms: number): { readonly signal: AbortSignal; clear(): void } {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
    ms,
  );
  timer.unref();
  return { signal: controller.signal, clear: () => clearTimeout(timer) };
}

interface ReadContext {
  readonly url: string;
  readonly method: string;
  readonly cookies: CookieActivity | undefined;
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

interface BodyLimits {
  /** Bytes kept for display. */
  readonly maxDisplay: number;
  /** Keep the bytes beyond the display cap in a temp file. */
  readonly keepFull: boolean;
  /** The most the temp file holds. */
  readonly maxFull: number;
  readonly tempDir: string | undefined;
}

function bodyLimits(options: SendOptions): BodyLimits {
  return {
    maxDisplay: options.maxDisplayBytes ?? 5 * 1024 * 1024,
    keepFull: options.keepFullBody ?? true,
    maxFull: options.maxFullBytes ?? MAX_FULL_BYTES,
    tempDir: options.tempDir,
  };
}

/**
 * Takes the (decoded) body chunk by chunk: the first `maxDisplay` bytes for display (handed
 * on to `onChunk` as text), everything once past the cap in a temp file up to `maxFull`.
 */
class BodySink {
  readonly display: Buffer[] = [];
  shown = 0;
  truncated = false;
  fullTooBig = false;
  spill: Spill | undefined;
  looksBinary: boolean;
  private readonly streamDecoder = new TextDecoder('utf-8');

  constructor(
    private readonly limits: BodyLimits,
    textual: boolean,
    private readonly onChunk: ((text: string) => void) | undefined,
  ) {
    this.looksBinary = !textual;
  }

  async take(chunk: Buffer): Promise<void> {
    if (this.shown === 0 && !this.looksBinary && chunk.subarray(0, 1024).includes(0)) this.looksBinary = true;
    if (this.shown >= this.limits.maxDisplay) return this.overflow(chunk);
    const part = chunk.subarray(0, this.limits.maxDisplay - this.shown);
    this.display.push(part);
    this.shown += part.length;
    if (!this.looksBinary && this.onChunk) this.onChunk(this.streamDecoder.decode(part, { stream: true }));
    if (part.length === chunk.length) return;
    this.truncated = true;
    if (!this.limits.keepFull) return;
    this.spill = new Spill(tempFile(this.limits.tempDir));
    for (const c of this.display) await this.spill.write(c);
    await this.spill.write(chunk.subarray(part.length));
  }

  private async overflow(chunk: Buffer): Promise<void> {
    this.truncated = true;
    if (!this.spill || this.fullTooBig) return;
    if (this.spill.written + chunk.length > this.limits.maxFull) this.fullTooBig = true;
    else await this.spill.write(chunk);
  }

  /** Closes the temp file; when that fails, it is deleted and the reason returned. */
  async close(): Promise<string | undefined> {
    if (!this.spill) return undefined;
    try {
      await this.spill.end();
      return undefined;
    } catch (e) {
      this.dropSpill();
      return `The full body could not be kept on disk (${(e as Error).message}).`;
    }
  }

  dropSpill(): void {
    this.spill?.discard();
    this.spill = undefined;
  }
}

/** The bytes as they came off the wire: counted, and the first 64 KB kept to show when decoding fails. */
class Wire {
  bytes = 0;
  readonly prefix: Buffer[] = [];
  private prefixBytes = 0;

  take(chunk: Buffer, keepPrefix: boolean): void {
    this.bytes += chunk.length;
    if (!keepPrefix || this.prefixBytes >= 64 * 1024) return;
    this.prefix.push(chunk);
    this.prefixBytes += chunk.length;
  }
}

/** A decompressor for `Content-Encoding` gzip / br / deflate (undici never decodes on its own). */
function contentDecoder(encoding: string | undefined): zlib.Gunzip | zlib.BrotliDecompress | zlib.Inflate | undefined {
  if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.createGunzip();
  if (encoding === 'br') return zlib.createBrotliDecompress();
  if (encoding === 'deflate') return zlib.createInflate();
  return undefined;
}

/** How reading the body ended, when not normally. */
interface ReadEnd {
  readonly incomplete?: 'timeout' | 'cancelled';
  readonly decodeFailed?: Error;
}

function isDecodeError(e: NodeJS.ErrnoException): boolean {
  return (
    /^Z_/.test(e.code ?? '') ||
    e.code === 'ERR__ERROR_FORMAT_PADDING_1' ||
    (/incorrect header|invalid|unexpected end/i.test(e.message) && !/socket|closed|terminated/i.test(e.message))
  );
}

/** The body piped through `decoder` into `sink`. Stopped by timeout or cancel: what came is kept. */
async function drainBody(
  body: Readable,
  decoder: ReturnType<typeof contentDecoder>,
  sink: BodySink,
  wire: Wire,
  ctx: ReadContext,
  options: SendOptions,
): Promise<ReadEnd> {
  let source = body as AsyncIterable<Buffer>;
  if (decoder) {
    body.on('data', (c: Buffer) => wire.take(c, true));
    source = pipeline(body, decoder, () => undefined) as unknown as AsyncIterable<Buffer>;
  }
  try {
    for await (const chunk of source) {
      if (!decoder) wire.take(chunk, false);
      await sink.take(chunk);
    }
    return {};
  } catch (e) {
    body.destroy();
    if (ctx.signal.aborted)
      return { incomplete: ctx.timeout.aborted && !options.signal?.aborted ? 'timeout' : 'cancelled' };
    if (decoder && isDecodeError(e as NodeJS.ErrnoException)) return { decodeFailed: e as Error };
    sink.dropSpill();
    throw describeError(e, ctx.url, ctx.timeoutMs);
  }
}

/** What the reader is told about decoding; an undecodable body falls back to the bytes as received. */
function decodingNotes(encoding: string | undefined, decoded: boolean, end: ReadEnd, wire: Wire): string[] {
  if (end.decodeFailed)
    return [
      `The body says Content-Encoding: ${encoding} but could not be decoded (${end.decodeFailed.message}); showing the bytes as received.`,
    ];
  if (decoded) return [`Decoded from ${encoding} for display (${formatBytes(wire.bytes)} on the wire).`];
  if (encoding && encoding !== 'identity') return [`Content-Encoding ${encoding} is not decoded for display.`];
  return [];
}

function hexStart(raw: Buffer): string {
  return raw
    .subarray(0, 16)
    .toString('hex')
    .replace(/(..)(?!$)/g, '$1 ');
}

/** The body as displayed: empty, a binary summary, or text (flagged when it is not valid UTF-8). */
function displayedBody(
  raw: Buffer,
  sink: BodySink,
  contentType: string | undefined,
  wireBytes: number,
  partial: boolean,
): ResponseBody {
  if (raw.length === 0) return { kind: 'empty' };
  if (sink.looksBinary) {
    const summary = `${contentType ?? 'no content type'}, ${formatBytes(wireBytes)}, starts with ${hexStart(raw)}`;
    return { kind: 'binary', summary, truncated: sink.truncated };
  }
  let invalidUtf8 = false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(raw, { stream: partial });
  } catch {
    invalidUtf8 = true;
  }
  return { kind: 'text', text: new TextDecoder('utf-8').decode(raw), truncated: sink.truncated, invalidUtf8 };
}

function truncationNote(sink: BodySink, limits: BodyLimits, wireBytes: number, decoded: boolean): string {
  const first = `Showing the first ${formatBytes(limits.maxDisplay)}`;
  if (sink.spill && !sink.fullTooBig)
    return `${first} of ${formatBytes(sink.spill.written)}; the full body is kept for Save Full Response.`;
  if (sink.spill)
    return `${first}; ${formatBytes(sink.spill.written)} kept for Save Full Response (the rest exceeded ${formatBytes(limits.maxFull)}).`;
  const rest = formatBytes(Math.max(0, wireBytes - sink.shown));
  return `${first}; the rest (${rest}${decoded ? ' on the wire' : ''}) was not kept.`;
}

function incompleteNote(incomplete: ReadEnd['incomplete'], timeoutMs: number): string[] {
  if (incomplete === 'timeout')
    return [`Stopped after ${duration(timeoutMs)} with the body still arriving; showing what came.`];
  if (incomplete === 'cancelled') return ['Cancelled with the body still arriving; showing what came.'];
  return [];
}

function responseHead(res: Dispatcher.ResponseData, ctx: ReadContext): ResponseHead {
  return {
    url: ctx.url,
    status: res.statusCode,
    statusText: STATUS_CODES[res.statusCode] ?? '',
    headers: ctx.headers,
    ttfbMs: ctx.now() - ctx.started,
  };
}

/** Reads the body after the headers: drain, close the spill, fall back when decoding failed, describe. */
async function readResponse(
  res: Dispatcher.ResponseData,
  ctx: ReadContext,
  options: SendOptions,
): Promise<ResponseResult> {
  const head = responseHead(res, ctx);
  options.onHeaders?.(head);
  const contentType = headerValue(ctx.headers, 'content-type');
  const encoding = headerValue(ctx.headers, 'content-encoding')?.trim().toLowerCase();
  const decoder = contentDecoder(encoding);
  const limits = bodyLimits(options);
  const sink = new BodySink(limits, !contentType || TEXTUAL.test(contentType), options.onChunk);
  const wire = new Wire();
  const end = await drainBody(res.body as unknown as Readable, decoder, sink, wire, ctx, options);
  const spillNote = await sink.close();
  if (end.decodeFailed) {
    sink.display.splice(0, sink.display.length, Buffer.concat(wire.prefix).subarray(0, limits.maxDisplay));
    sink.looksBinary = true;
    sink.dropSpill();
  }
  const decoded = !!decoder && !end.decodeFailed;
  const body = displayedBody(
    Buffer.concat(sink.display),
    sink,
    contentType,
    wire.bytes,
    sink.truncated || !!end.incomplete,
  );
  const notes = [
    ...(spillNote ? [spillNote] : []),
    ...decodingNotes(encoding, decoded, end, wire),
    ...(body.kind === 'text' && body.invalidUtf8
      ? ['The body is not valid UTF-8; invalid bytes are shown as \ufffd.']
      : []),
    ...(sink.truncated ? [truncationNote(sink, limits, wire.bytes, !!decoder)] : []),
    ...incompleteNote(end.incomplete, ctx.timeoutMs),
  ];
  // Written out, not `{ ...head, … }`: on Node 20 a literal that starts with a spread and adds
  // properties costs microseconds, a share of the runner's overhead over a bare request.
  const result: Mutable<ResponseResult> = {
    url: head.url,
    status: head.status,
    statusText: head.statusText,
    headers: head.headers,
    ttfbMs: head.ttfbMs,
    method: ctx.method,
    totalMs: ctx.now() - ctx.started,
    bytes: wire.bytes,
    body,
    redirects: ctx.redirects,
    notes,
  };
  if (contentType) result.contentType = contentType;
  if (decoded) result.decoded = encoding!;
  if (sink.spill) result.fullBodyFile = sink.spill.file;
  if (ctx.cookies) result.cookies = ctx.cookies;
  if (end.incomplete) result.incomplete = end.incomplete;
  return result;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}
