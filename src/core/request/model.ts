/**
 * A concrete request, built from what a handler expects, and what happens to it before it
 * is sent. Secrets never appear in a request's text: the auth token is the `{{authToken}}`
 * variable and a cookie `{{cookie_<name>}}`; values are filled in only at send time
 * (`prepareForSend`), and a credential whose value is unknown is dropped, never sent as a
 * literal placeholder.
 */
import { fillRoute, type ParamValues } from '../nextjs/routePath';
import type { InferredRequest } from './infer';

export const AUTH_TOKEN_VARIABLE = 'authToken';
export const BASE_URL_VARIABLE = 'baseUrl';
export const FORM_BOUNDARY = 'next-route-kit-boundary';
/** REST Client's system variables: `{{$dotenv NAME}}` (the app's env files), `{{$processEnv NAME}}`. */
export const DOTENV = '$dotenv';
export const PROCESS_ENV = '$processEnv';

/** The system variable for a name in the app's env files: `$dotenv API_KEY`. */
export function dotenvVariable(name: string): string {
  return `${DOTENV} ${name}`;
}
/** The body sent to a handler that reads `request.body` as a stream: replace it with your bytes. */
export const STREAM_PLACEHOLDER = 'example body';

export interface RequestSpec {
  readonly method: string;
  /** Absolute URL, possibly with `{{variables}}`. */
  readonly url: string;
  /** Header name → value, in order; values may hold `{{variables}}`. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body?: string;
  /** A label for lists and history, e.g. `GET /kit/api/users/[id]`. */
  readonly title?: string;
}

/** The variable holding a cookie's value: `session` → `cookie_session`, `next-auth.session-token` → `cookie_next_auth_session_token`. */
export function cookieVariable(name: string): string {
  return `cookie_${name.replace(/[^\w]/g, '_')}`;
}

export interface BuildOptions {
  readonly baseUrl: string;
  readonly params?: ParamValues;
  /**
   * Query values by key; a key without one takes the handler's fallback (`?? '1'`), else is
   * written empty.
   */
  readonly query?: Readonly<Record<string, string>>;
  /**
   * `include` (default): every query key the handler reads is in the URL, empty when it
   * has no value — what the editable text and cURL show. `omit`: keys without a value are
   * left out, so the handler's defaults apply — what a one-click Send uses.
   */
  readonly emptyQuery?: 'include' | 'omit';
  /** Extra headers from settings (never override inferred ones). */
  readonly headers?: Readonly<Record<string, string>>;
}

export function joinUrl(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, '') + (path.startsWith('/') ? path : '/' + path);
}

/** A multipart field name as browsers write it (quotes and newlines percent-encoded). */
function partName(name: string): string {
  return name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A `multipart/form-data` body with an empty value per field and a small text file per file field. */
export function multipartBody(fields: readonly string[], files: readonly string[], boundary = FORM_BOUNDARY): string {
  const parts = fields.map((f) =>
    files.includes(f)
      ? `--${boundary}\r\nContent-Disposition: form-data; name="${partName(f)}"; filename="example.txt"\r\nContent-Type: text/plain\r\n\r\nexample file content\r\n`
      : `--${boundary}\r\nContent-Disposition: form-data; name="${partName(f)}"\r\n\r\n\r\n`,
  );
  return parts.join('') + `--${boundary}--\r\n`;
}

/** `{{` and `}}` survive URL building readable (URL() would percent-encode them). */
function keepPlaceholders(url: string): string {
  return url.replace(/%7B%7B/gi, '{{').replace(/%7D%7D/gi, '}}');
}

/** The request for a handler: route filled with params, query keys, body skeleton, auth and cookie placeholders. */
export function buildRequest(inferred: InferredRequest, options: BuildOptions): RequestSpec {
  const path = fillRoute(inferred.route, options.params ?? {});
  const url = new URL(joinUrl(options.baseUrl, path));
  for (const key of inferred.query) {
    const value = options.query?.[key] ?? inferred.queryDefaults?.[key];
    if (value !== undefined && value !== '') url.searchParams.set(key, value);
    else if (options.emptyQuery !== 'omit') url.searchParams.set(key, '');
  }
  const headers: Array<[string, string]> = [];
  let body: string | undefined;
  if (inferred.body?.kind === 'json') {
    headers.push(['Content-Type', 'application/json']);
    body = JSON.stringify(inferred.body.value, null, 2);
  } else if (inferred.body?.kind === 'form') {
    headers.push(['Content-Type', `multipart/form-data; boundary=${FORM_BOUNDARY}`]);
    body = multipartBody(inferred.body.fields, inferred.body.files);
  } else if (inferred.body?.kind === 'text') {
    headers.push(['Content-Type', 'text/plain']);
    body = '';
  } else if (inferred.body?.kind === 'stream') {
    headers.push(['Content-Type', inferred.body.contentType]);
    body = STREAM_PLACEHOLDER;
  }
  const fromEnv = inferred.headerValues ?? {};
  if (inferred.auth) headers.push(['Authorization', fromEnv['authorization'] ?? `Bearer {{${AUTH_TOKEN_VARIABLE}}}`]);
  if (inferred.cookies.length)
    headers.push(['Cookie', inferred.cookies.map((c) => `${c}={{${cookieVariable(c)}}}`).join('; ')]);
  for (const h of inferred.headers) headers.push([h, fromEnv[h] ?? '']);
  for (const [k, v] of Object.entries(options.headers ?? {})) {
    if (!headers.some(([name]) => name.toLowerCase() === k.toLowerCase())) headers.push([k, v]);
  }
  return {
    method: inferred.method,
    url: keepPlaceholders(url.toString()),
    headers,
    ...(body !== undefined ? { body } : {}),
    title: `${inferred.method} ${inferred.route}`,
  };
}

// ---------------------------------------------------------------- variables

/**
 * `{{name}}`, and REST Client's system variables `{{$dotenv NAME}}` / `{{$processEnv NAME}}`,
 * named `$dotenv NAME` (one space) in value maps.
 */
const VARIABLE = /\{\{\s*(\$(?:dotenv|processEnv)\s+[A-Za-z_][\w.-]*|[A-Za-z_$][\w$.-]*)\s*\}\}/g;

function variableKey(raw: string): string {
  return raw.replace(/\s+/g, ' ');
}

/** Names of the `{{variables}}` in a text, in order of appearance. */
export function variablesIn(text: string): string[] {
  return [...new Set([...text.matchAll(VARIABLE)].map((m) => variableKey(m[1]!)))];
}

/** Replaces `{{name}}` with values; unknown variables are left as written (and listed). */
export function substitute(
  text: string,
  values: Readonly<Record<string, string>>,
): { text: string; missing: string[] } {
  const missing: string[] = [];
  const out = text.replace(VARIABLE, (all, raw: string) => {
    const name = variableKey(raw);
    if (Object.prototype.hasOwnProperty.call(values, name)) return values[name]!;
    if (!missing.includes(name)) missing.push(name);
    return all;
  });
  return { text: out, missing };
}

/** Resolves `.http` file variables that refer to each other (`@api = {{host}}/api`), a few levels deep. */
export function resolveVariables(variables: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = { ...variables };
  for (let round = 0; round < 5; round++) {
    let changed = false;
    for (const [k, v] of Object.entries(out)) {
      const next = substitute(v, out).text;
      if (next !== v) {
        out[k] = next;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return out;
}

/** Cookie names whose values a request takes from variables (`Cookie: a={{cookie_a}}`). */
export function cookieNamesIn(spec: RequestSpec): string[] {
  const names: string[] = [];
  for (const [k, v] of spec.headers) {
    if (k.toLowerCase() !== 'cookie') continue;
    for (const pair of v.split(';')) {
      const m = /^\s*([^=\s]+)\s*=\s*\{\{\s*cookie_[\w]+\s*\}\}\s*$/.exec(pair);
      if (m && !names.includes(m[1]!)) names.push(m[1]!);
    }
  }
  return names;
}

export interface PreparedRequest {
  /** What goes on the wire (secrets filled in: never log or store it). */
  readonly spec: RequestSpec;
  /** Credential headers (or cookies) left out because their value is unknown, e.g. `Authorization`. */
  readonly dropped: readonly string[];
  /** Variables with no value (or an empty value in the URL) — the request cannot be sent as written. */
  readonly missing: readonly string[];
}

const CREDENTIAL_HEADER = /^(authorization|cookie|proxy-authorization)$/i;

/**
 * Fills variables for sending. A credential header whose variable has no value is dropped
 * (sending `Bearer {{authToken}}` literally helps no one); any other unfilled variable is
 * reported as missing. Multipart bodies get the CRLF line breaks the format requires
 * (`.http` text is edited with plain newlines).
 */
export function prepareForSend(spec: RequestSpec, values: Readonly<Record<string, string>>): PreparedRequest {
  const missing = new Set<string>();
  const dropped: string[] = [];
  const fill = (text: string): string => {
    const r = substitute(text, values);
    r.missing.forEach((m) => missing.add(m));
    return r.text;
  };
  for (const name of variablesIn(spec.url)) if (values[name] === '') missing.add(name);
  const url = fill(spec.url);
  const headers: Array<readonly [string, string]> = [];
  for (const [k, v] of spec.headers) {
    if (!CREDENTIAL_HEADER.test(k)) {
      headers.push([k, fill(v)]);
      continue;
    }
    if (k.toLowerCase() === 'cookie') {
      const kept: string[] = [];
      for (const pair of v
        .split(';')
        .map((p) => p.trim())
        .filter(Boolean)) {
        const r = substitute(pair, values);
        if (r.missing.length) dropped.push(`Cookie ${pair.split('=')[0]}`);
        else kept.push(r.text);
      }
      if (kept.length) headers.push([k, kept.join('; ')]);
      continue;
    }
    const r = substitute(v, values);
    if (r.missing.length) dropped.push(k);
    else headers.push([k, r.text]);
  }
  let body = spec.body !== undefined ? fill(spec.body) : undefined;
  const contentType = headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  if (body !== undefined && /^multipart\//i.test(contentType)) body = body.replace(/\r?\n/g, '\r\n');
  return {
    spec: {
      method: spec.method,
      url,
      headers,
      ...(body !== undefined ? { body } : {}),
      ...(spec.title ? { title: spec.title } : {}),
    },
    dropped,
    missing: [...missing],
  };
}

/** Fills variables everywhere (no dropping): for `.http` file variables before the secrets are known. */
export function resolveSpec(
  spec: RequestSpec,
  values: Readonly<Record<string, string>>,
): { spec: RequestSpec; missing: string[] } {
  const missing = new Set<string>();
  const sub = (t: string): string => {
    const r = substitute(t, values);
    r.missing.forEach((m) => missing.add(m));
    return r.text;
  };
  const resolved: RequestSpec = {
    method: spec.method,
    url: sub(spec.url),
    headers: spec.headers.map(([k, v]) => [k, sub(v)] as const),
    ...(spec.body !== undefined ? { body: sub(spec.body) } : {}),
    ...(spec.title ? { title: spec.title } : {}),
  };
  return { spec: resolved, missing: [...missing] };
}

// ---------------------------------------------------------------- logs

const SECRET_HEADERS = /^(authorization|cookie|proxy-authorization|x-api-key|x-auth-token|api-key|x-access-token)$/i;
const SECRET_QUERY = /token|secret|password|passwd|api[-_]?key|signature|sig$|^code$/i;

/**
 * A one-line description of a request for logs: secret header values and secret-looking
 * query values are never shown, nor any of `secrets` (values filled from env files) anywhere.
 */
export function describeForLog(spec: RequestSpec, secrets: readonly string[] = []): string {
  const hide = (text: string): string => secrets.reduce((t, s) => (s ? t.split(s).join('***') : t), text);
  let url = spec.url;
  try {
    const u = new URL(spec.url);
    let redacted = false;
    for (const key of [...u.searchParams.keys()]) {
      if (SECRET_QUERY.test(key) && u.searchParams.get(key)) {
        u.searchParams.set(key, '***');
        redacted = true;
      }
    }
    if (u.username || u.password) {
      u.username = u.username ? '***' : '';
      u.password = u.password ? '***' : '';
      redacted = true;
    }
    if (redacted) url = u.toString();
  } catch {
    /* keep the text */
  }
  const headers = spec.headers.map(([k, v]) => `${k}: ${SECRET_HEADERS.test(k) ? '***' : v}`);
  return hide(`${spec.method} ${url}${headers.length ? ` [${headers.join('; ')}]` : ''}`);
}

// ---------------------------------------------------------------- body given by the user

/** A JSON value typed like the skeleton's placeholder: `--var quantity=3` → 3 where the skeleton has a number. */
function typedLike(placeholder: unknown, value: string): unknown {
  if (typeof placeholder === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (typeof placeholder === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  if (typeof placeholder === 'object' && placeholder !== null) {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

/**
 * The request with the user's body: `body` replaces the skeleton (JSON when it parses, else
 * sent as given), and `fields` fill the skeleton's fields by name (`title`, or a path such as
 * `address.city`), typed like the placeholder they replace. Fields the skeleton lacks are
 * left to `{{variables}}`. Returns the names of the fields filled.
 */
export function withBody(
  spec: RequestSpec,
  override: { readonly body?: string; readonly fields?: Readonly<Record<string, string>> },
): { spec: RequestSpec; filled: string[] } {
  const filled: string[] = [];
  if (override.body !== undefined) {
    let json = true;
    try {
      JSON.parse(override.body);
    } catch {
      json = false;
    }
    const headers = spec.headers.filter(([k]) => k.toLowerCase() !== 'content-type');
    const inferredType = spec.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    const type = json ? 'application/json' : inferredType && !/json/i.test(inferredType) ? inferredType : 'text/plain';
    return { spec: { ...spec, headers: [['Content-Type', type], ...headers], body: override.body }, filled };
  }
  const fields = override.fields ?? {};
  if (spec.body === undefined || !Object.keys(fields).length) return { spec, filled };
  let skeleton: unknown;
  try {
    skeleton = JSON.parse(spec.body);
  } catch {
    return { spec, filled };
  }
  if (typeof skeleton !== 'object' || skeleton === null || Array.isArray(skeleton)) return { spec, filled };
  for (const [name, value] of Object.entries(fields)) {
    const keys = name.split('.');
    let holder = skeleton as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) {
      const next = holder[key];
      if (typeof next !== 'object' || next === null || Array.isArray(next)) {
        holder = undefined as unknown as Record<string, unknown>;
        break;
      }
      holder = next as Record<string, unknown>;
    }
    const last = keys[keys.length - 1]!;
    if (!holder || !Object.prototype.hasOwnProperty.call(holder, last)) continue;
    holder[last] = typedLike(holder[last], value);
    filled.push(name);
  }
  return { spec: { ...spec, body: JSON.stringify(skeleton, null, 2) }, filled };
}
