/**
 * The one send flow, shared by the editor and the CLI:
 * path params → base URL → build → trust → origin confirmation → variables (secrets only for
 * the base URL's origin) → `prepareForSend` → send, with progress and streaming → response.
 *
 * Everything that meets the user goes through a `RequestHost` (as httpYac's
 * UserInteractionProvider and ResponseHandler do): asking for a param, finding the server when
 * nothing answers, reading a secret, confirming a remote origin, wording a hint, showing the
 * response. The editor and the CLI are two hosts; they differ in wording and UI, never in what
 * is sent. A cookie jar and extra variable sources plug in through `RunContext`.
 */
import { nodeFsPort, type FsPort } from '../fsPort';
import type { ProjectLayout } from '../nextjs/project';
import type { RouteParam } from '../nextjs/routePath';
import { secretValues } from './appEnv';
import { basePathHint, baseUrlCandidates, isLoopbackUrl, type BaseUrlCandidate } from './baseUrl';
import type { CookieStore } from './cookieJar';
import { devErrorHint } from './devError';
import { formatHead, formatResponse } from './format';
import type { InferredRequest } from './infer';
import {
  AUTH_TOKEN_VARIABLE,
  buildRequest,
  cookieNamesIn,
  cookieVariable,
  describeForLog,
  prepareForSend,
  variablesIn,
  withBody,
  type RequestSpec,
} from './model';
import { firstAnswering } from './probe';
import {
  invalidUrlError,
  isStreamingResponse,
  RequestError,
  sendRequest,
  untrustedError,
  type RequestKnob,
  type ResponseHead,
  type ResponseResult,
} from './send';

/** A request as the user knows it: `GET /kit/api/users/[id]`. */
export interface RequestLabel {
  readonly method: string;
  readonly route: string;
}

/** A `{{variable}}` the request needs: the auth token, a cookie's value, or any other. */
export type VariableRef =
  | { readonly kind: 'token'; readonly variable: string }
  | { readonly kind: 'cookie'; readonly variable: string; readonly cookie: string }
  | { readonly kind: 'other'; readonly variable: string };

/** Something the user may want to know while a request goes out (the host words and shows it). */
export type RunNotice =
  | { readonly kind: 'dropped'; readonly names: readonly string[]; readonly reason: 'no-value' }
  | {
      readonly kind: 'dropped';
      readonly names: readonly string[];
      readonly reason: 'other-origin';
      readonly credentialsOrigin: string;
      readonly targetOrigin: string;
    }
  | { readonly kind: 'missing'; readonly variables: readonly string[] }
  /** The request about to go out, one line with secrets redacted (for a log). */
  | { readonly kind: 'sending'; readonly line: string }
  /** Why the answer may not be the handler's: a route Next never serves, a 404 page from a missing basePath. */
  | { readonly kind: 'advice'; readonly text: string };

/** A response, with what the host needs to show and keep it. */
export interface SentResponse {
  /** The request as built, placeholders kept: safe to store (history). */
  readonly spec: RequestSpec;
  /** What went on the wire, secrets filled in: never log or store it. */
  readonly sent: RequestSpec;
  readonly result: ResponseResult;
  /** The whole response as text: status, timing, notes, headers, body. */
  readonly text: string;
  /** The head and the body chunks were already handed over as they arrived. */
  readonly streamed: boolean;
}

/** How a host words each knob that gets past an error, as one sentence. */
export type KnobWords = Readonly<Record<RequestKnob, string>>;

/** Progress of the send; `signal` cancels it (a host without cancellation passes undefined). */
export type ProgressWork<T> = (report: (message: string) => void, signal: AbortSignal | undefined) => Promise<T>;

/** Everything the flow asks of the editor or the CLI. */
export interface RequestHost {
  readonly words: KnobWords;
  /** Whether requests may be sent at all (the editor: workspace trust). */
  isTrusted(): boolean;
  /** Path param values already known for a route (remembered, or given as options). */
  knownParams(request: RequestLabel): Readonly<Record<string, string>>;
  /** Values for params that have none; undefined stops the flow. */
  askParams(
    missing: readonly RouteParam[],
    request: RequestLabel,
    known: Readonly<Record<string, string>>,
  ): Promise<Readonly<Record<string, string>> | undefined>;
  /** Nothing answers at any candidate: another base URL to use, or undefined to stop. */
  noServer(candidates: readonly BaseUrlCandidate[], layout: ProjectLayout | undefined): Promise<string | undefined>;
  /** A secret's value; asked only when the request goes to the base URL's origin. */
  secret(ref: VariableRef): Promise<string | undefined>;
  /** The handler reads Authorization and no token is set: true to go on (the host may set one first). */
  tokenMissing?(request: RequestLabel): Promise<boolean>;
  /** One explicit yes before anything goes to an origin that is not this machine. */
  confirmOrigin(origin: string): Promise<boolean>;
  notice(notice: RunNotice): void;
  /** Runs the send, showing progress. */
  progress<T>(title: string, work: ProgressWork<T>): Promise<T>;
  /** A streaming response began (server-sent events, NDJSON): its head as text; chunks follow. */
  streamStarted?(headText: string): void;
  streamChunk?(text: string): void;
  onResponse(response: SentResponse): Promise<void>;
  /** The send failed; `hint` is the error's hint with the knob worded by this host. */
  onFailure(error: RequestError, hint: string | undefined): Promise<void>;
}

/** What the host read from its settings or options. */
export interface RunSettings {
  /** The base URL the user chose; detection runs when unset. */
  readonly baseUrl?: string;
  /** Check that something answers at the base URL (a TCP probe); off, the first candidate is used. */
  readonly probe: boolean;
  /** Extra headers (never override inferred ones). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  /** A body to send instead of the inferred skeleton (the CLI's --data). */
  readonly body?: string;
  /** Values for the skeleton's fields by name or path (`address.city`), typed like the placeholder. */
  readonly bodyFields?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
  readonly followRedirects?: boolean;
  readonly maxDisplayBytes?: number;
  /** The environment for base URL detection (`PORT`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly fs?: FsPort;
}

/**
 * A per-origin cookie store (the core's `CookieJars`): `sendRequest` adds its cookies to every
 * hop that goes to the credentials origin and keeps the `Set-Cookie` of every hop.
 */
export type CookieJarPort = CookieStore;

/** Another place `{{variables}}` come from (environments, `.env` files); consulted after the host's secrets. */
export type VariableSource = (name: string) => string | undefined | Promise<string | undefined>;

export interface RunContext {
  readonly host: RequestHost;
  readonly settings: RunSettings;
  readonly cookieJar?: CookieJarPort;
  readonly variables?: readonly VariableSource[];
}

export type RunOutcome =
  | { readonly kind: 'response'; readonly response: SentResponse }
  | { readonly kind: 'failed'; readonly error: RequestError }
  /** The host or the user said no (a cancelled prompt, nothing answering, an origin not confirmed). */
  | { readonly kind: 'stopped' };

/** A handler to send: what it expects, and the project it belongs to (for base URL detection). */
export interface SendTarget {
  readonly inferred: InferredRequest;
  readonly layout: ProjectLayout | undefined;
  /** Set when Next never serves the route (a private `_folder`): why, for a warning before it is sent. */
  readonly neverServed?: string;
}

export interface BuiltRequest {
  /** The request with `{{placeholders}}` for secrets. */
  readonly spec: RequestSpec;
  /** The base URL it was built on: credentials belong to its origin. */
  readonly base: string;
}

const STOPPED: RunOutcome = { kind: 'stopped' };

/** The error's hint followed by the host's words for its knob. */
export function hintText(error: RequestError, words: KnobWords): string | undefined {
  const parts = [error.hint, error.knob ? words[error.knob] : undefined].filter((p): p is string => !!p);
  return parts.length ? parts.join(' ') : undefined;
}

function label(inferred: InferredRequest): RequestLabel {
  return { method: inferred.method, route: inferred.route };
}

function hasValue(value: string | undefined, param: RouteParam): boolean {
  return value !== undefined && (value !== '' || param.kind === 'optionalCatchAll');
}

/** Known values, and the host asked for the rest. */
async function pathParams(inferred: InferredRequest, host: RequestHost): Promise<Record<string, string> | undefined> {
  const request = label(inferred);
  const known = { ...host.knownParams(request) };
  const missing = inferred.params.filter((p) => !hasValue(known[p.name], p));
  if (!missing.length) return known;
  const asked = await host.askParams(missing, request, known);
  return asked ? { ...known, ...asked } : undefined;
}

/** The base URL: the user's, else the first detected candidate that answers, else what the host offers. */
async function baseUrl(layout: ProjectLayout | undefined, ctx: RunContext): Promise<string | undefined> {
  const { settings, host } = ctx;
  const candidates = baseUrlCandidates(layout, {
    ...(settings.baseUrl ? { setting: settings.baseUrl } : {}),
    fs: settings.fs ?? nodeFsPort,
    ...(settings.env ? { env: settings.env } : {}),
  });
  if (!settings.probe) return candidates[0]!.url;
  const found = await firstAnswering(candidates);
  return found ? found.url : host.noServer(candidates, layout);
}

/** Builds the request for a handler: path params (asked for when missing) and the base URL. */
export async function buildTarget(target: SendTarget, ctx: RunContext): Promise<BuiltRequest | undefined> {
  const params = await pathParams(target.inferred, ctx.host);
  if (!params) return undefined;
  const base = await baseUrl(target.layout, ctx);
  if (!base) return undefined;
  const { headers, query, body, bodyFields } = ctx.settings;
  const inferredSpec = buildRequest(target.inferred, {
    baseUrl: base,
    params,
    ...(headers ? { headers } : {}),
    ...(query ? { query } : {}),
  });
  const { spec } = withBody(inferredSpec, {
    ...(body !== undefined ? { body } : {}),
    ...(bodyFields ? { fields: bodyFields } : {}),
  });
  return { spec, base };
}

/** Whether to go on when the handler reads Authorization and no token is set (the host may offer to set one). */
async function tokenOrConsent(target: SendTarget, host: RequestHost): Promise<boolean> {
  if (!target.inferred.auth || !host.tokenMissing) return true;
  if (await host.secret({ kind: 'token', variable: AUTH_TOKEN_VARIABLE })) return true;
  return host.tokenMissing(label(target.inferred));
}

/** Builds a handler's request and sends it: the whole flow behind a ▶ Send lens or `request --send`. */
export async function runTarget(target: SendTarget, ctx: RunContext): Promise<RunOutcome> {
  const { inferred } = target;
  if (!ctx.host.isTrusted()) return fail(untrustedError(inferred.method, inferred.route), ctx.host);
  const built = await buildTarget(target, ctx);
  if (!built || !(await tokenOrConsent(target, ctx.host))) return STOPPED;
  if (target.neverServed) ctx.host.notice({ kind: 'advice', text: `${target.neverServed} Next answers 404 there.` });
  const outcome = await sendSpec(built.spec, built.base, ctx);
  const hint =
    outcome.kind === 'response'
      ? (basePathHint(outcome.response.result, outcome.response.sent.url, target.layout) ??
        devErrorHint(outcome.response.result))
      : undefined;
  if (hint) ctx.host.notice({ kind: 'advice', text: hint });
  return outcome;
}

async function fail(error: RequestError, host: RequestHost): Promise<RunOutcome> {
  await host.onFailure(error, hintText(error, host.words));
  return { kind: 'failed', error };
}

function originOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sends a request (with `{{placeholders}}`) built on `base`: trust, origin confirmation,
 * variables, send and response. Secrets are read only when it goes to the base URL's origin.
 */
export async function sendSpec(spec: RequestSpec, base: string, ctx: RunContext): Promise<RunOutcome> {
  const { host } = ctx;
  if (!host.isTrusted()) return fail(untrustedError(spec.method, spec.url), host);
  const targetOrigin = originOf(spec.url);
  if (!targetOrigin) return fail(invalidUrlError(spec.url), host);
  if (!isLoopbackUrl(spec.url) && !(await host.confirmOrigin(targetOrigin))) return STOPPED;
  const credentialsOrigin = originOf(base) ?? targetOrigin;
  const { spec: sent, secrets } = await prepare(spec, { credentialsOrigin, targetOrigin }, ctx);
  host.notice({ kind: 'sending', line: describeForLog(sent, secrets) });
  let received: { result: ResponseResult; streamed: boolean };
  try {
    received = await transmit(sent, credentialsOrigin, ctx);
  } catch (e) {
    if (e instanceof RequestError) return fail(e, host);
    throw e;
  }
  const { result, streamed } = received;
  const response: SentResponse = { spec, sent, result, text: formatResponse(result, sent), streamed };
  await host.onResponse(response);
  return { kind: 'response', response };
}

interface Origins {
  readonly credentialsOrigin: string;
  readonly targetOrigin: string;
}

/** The `{{variables}}` a request uses, told apart: the auth token, cookie values, others. */
export function variableRefs(spec: RequestSpec): VariableRef[] {
  const text = [spec.url, ...spec.headers.map(([k, v]) => `${k}: ${v}`), spec.body ?? ''].join('\n');
  const cookies = new Map(cookieNamesIn(spec).map((c) => [cookieVariable(c), c]));
  return variablesIn(text).map((variable): VariableRef => {
    if (variable === AUTH_TOKEN_VARIABLE) return { kind: 'token', variable };
    const cookie = cookies.get(variable);
    return cookie !== undefined ? { kind: 'cookie', variable, cookie } : { kind: 'other', variable };
  });
}

/** Values for the variables: the host's secrets (for the credentials origin only), then the extra sources. */
async function variableValues(spec: RequestSpec, origins: Origins, ctx: RunContext): Promise<Record<string, string>> {
  const sameOrigin = origins.credentialsOrigin === origins.targetOrigin;
  const values: Record<string, string> = {};
  for (const ref of variableRefs(spec)) {
    let value = sameOrigin ? await ctx.host.secret(ref) : undefined;
    for (const source of ctx.variables ?? []) value ??= await source(ref.variable);
    if (value !== undefined) values[ref.variable] = value;
  }
  return values;
}

/** Fills the variables (credentials without a value are left out, and said so). */
async function prepare(
  spec: RequestSpec,
  origins: Origins,
  ctx: RunContext,
): Promise<{ spec: RequestSpec; secrets: string[] }> {
  const values = await variableValues(spec, origins, ctx);
  const prepared = prepareForSend(spec, values);
  if (prepared.dropped.length)
    ctx.host.notice(
      origins.credentialsOrigin === origins.targetOrigin
        ? { kind: 'dropped', names: prepared.dropped, reason: 'no-value' }
        : { kind: 'dropped', names: prepared.dropped, reason: 'other-origin', ...origins },
    );
  if (prepared.missing.length) ctx.host.notice({ kind: 'missing', variables: prepared.missing });
  return { spec: prepared.spec, secrets: secretValues(values) };
}

/** Sends with the host's progress; a streaming body goes to the host as it arrives. */
async function transmit(
  sent: RequestSpec,
  credentialsOrigin: string,
  ctx: RunContext,
): Promise<{ result: ResponseResult; streamed: boolean }> {
  const { host, settings } = ctx;
  let streamed = false;
  const title = `${sent.method} ${new URL(sent.url).pathname}`;
  const result = await host.progress(title, (report, signal) => {
    report('sending…');
    return sendRequest(sent, {
      ...(signal ? { signal } : {}),
      ...(settings.timeoutMs !== undefined ? { timeoutMs: settings.timeoutMs } : {}),
      ...(settings.maxDisplayBytes !== undefined ? { maxDisplayBytes: settings.maxDisplayBytes } : {}),
      followRedirects: !!settings.followRedirects,
      credentialsOrigin,
      ...(ctx.cookieJar ? { cookieJar: ctx.cookieJar } : {}),
      isTrusted: () => host.isTrusted(),
      onHeaders: (head: ResponseHead) => {
        report(`${head.status} ${head.statusText} — receiving…`);
        streamed = isStreamingResponse(head);
        if (streamed) host.streamStarted?.(formatHead(head, sent) + '\n');
      },
      onChunk: (text) => {
        if (streamed) host.streamChunk?.(text);
      },
    });
  });
  return { result, streamed };
}
