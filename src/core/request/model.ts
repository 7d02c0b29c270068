/**
 * A concrete request, built from what a handler expects, and its text forms: `.http`
 * (REST Client / httpYac compatible, parsed back for the editable request's Send lens) and
 * cURL. Secrets never appear in text: the auth token is the `{{authToken}}` variable and
 * cookies `{{cookie:name}}`, substituted only when sending.
 */
import { fillRoute, type ParamValues } from '../nextjs/routePath';
import type { InferredRequest, JsonValue } from './infer';

export const AUTH_TOKEN_VARIABLE = 'authToken';

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

export interface BuildOptions {
  readonly baseUrl: string;
  readonly params?: ParamValues;
  readonly query?: Readonly<Record<string, string>>;
  /** Extra headers from settings. */
  readonly headers?: Readonly<Record<string, string>>;
}

export function joinUrl(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, '') + (path.startsWith('/') ? path : '/' + path);
}

function formBody(fields: readonly string[], boundary: string): string {
  const parts = fields.map((f) => `--${boundary}\r\nContent-Disposition: form-data; name="${f}"\r\n\r\n\r\n`);
  return parts.join('') + `--${boundary}--\r\n`;
}

/** A request for a handler: route filled with params, query keys with empty values, body skeleton, auth/cookie placeholders. */
export function buildRequest(inferred: InferredRequest, options: BuildOptions): RequestSpec {
  const path = fillRoute(inferred.route, options.params ?? {});
  const url = new URL(joinUrl(options.baseUrl, path));
  for (const key of inferred.query) url.searchParams.set(key, options.query?.[key] ?? '');
  // URL() percent-encodes braces; keep placeholders readable.
  const urlText = url.toString().replace(/%7B%7B/g, '{{').replace(/%7D%7D/g, '}}');
  const headers: Array<[string, string]> = [];
  let body: string | undefined;
  if (inferred.body?.kind === 'json') {
    headers.push(['Content-Type', 'application/json']);
    body = JSON.stringify(inferred.body.value, null, 2);
  } else if (inferred.body?.kind === 'form') {
    const boundary = 'next-route-kit-boundary';
    headers.push(['Content-Type', `multipart/form-data; boundary=${boundary}`]);
    body = formBody(inferred.body.fields.length ? inferred.body.fields : ['field'], boundary);
  } else if (inferred.body?.kind === 'text') {
    headers.push(['Content-Type', 'text/plain']);
    body = '';
  }
  if (inferred.auth) headers.push(['Authorization', `Bearer {{${AUTH_TOKEN_VARIABLE}}}`]);
  if (inferred.cookies.length) headers.push(['Cookie', inferred.cookies.map((c) => `${c}={{cookie:${c}}}`).join('; ')]);
  for (const h of inferred.headers) headers.push([h, '']);
  for (const [k, v] of Object.entries(options.headers ?? {})) {
    if (!headers.some(([name]) => name.toLowerCase() === k.toLowerCase())) headers.push([k, v]);
  }
  return { method: inferred.method, url: urlText, headers, ...(body !== undefined ? { body } : {}), title: `${inferred.method} ${inferred.route}` };
}

// ---------------------------------------------------------------- .http text

export interface HttpFile {
  readonly variables: Readonly<Record<string, string>>;
  readonly requests: readonly (RequestSpec & { readonly line: number })[];
}

/** One request as `.http` text (REST Client / httpYac syntax). */
export function toHttpText(spec: RequestSpec): string {
  const lines: string[] = [];
  if (spec.title) lines.push(`### ${spec.title}`);
  lines.push(`${spec.method} ${spec.url} HTTP/1.1`);
  for (const [k, v] of spec.headers) lines.push(`${k}: ${v}`);
  if (spec.body !== undefined && spec.body !== '') lines.push('', spec.body.replace(/\r\n/g, '\n'));
  return lines.join('\n') + '\n';
}

/** A whole `.http` file: a variables header and the requests, separated by `###`. */
export function toHttpFile(specs: readonly RequestSpec[], variables: Readonly<Record<string, string>> = {}): string {
  const head = Object.entries(variables).map(([k, v]) => `@${k} = ${v}`);
  const notes = specs.some((s) => s.headers.some(([, v]) => v.includes(`{{${AUTH_TOKEN_VARIABLE}}}`)))
    ? [`# Set ${AUTH_TOKEN_VARIABLE} in your REST Client / httpYac environment; Next Route Kit fills it from its secret storage.`]
    : [];
  return [...notes, ...head, ...(head.length || notes.length ? [''] : []), specs.map(toHttpText).join('\n')].join('\n');
}

const REQUEST_LINE = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|TRACE|CONNECT)\s+(\S+)(?:\s+HTTP\/[\d.]+)?\s*$/i;

/** Parses `.http` text: `@var = value` lines, requests separated by `###`, `#`/`//` comments. */
export function parseHttpFile(text: string): HttpFile {
  const variables: Record<string, string> = {};
  const requests: Array<RequestSpec & { line: number }> = [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  let current: { method: string; url: string; headers: Array<[string, string]>; body: string[]; inBody: boolean; line: number; title?: string } | undefined;
  let pendingTitle: string | undefined;
  const flush = (): void => {
    if (!current) return;
    const body = current.body.join('\n').replace(/\s+$/, '');
    requests.push({
      method: current.method, url: current.url, headers: current.headers, line: current.line,
      ...(body ? { body } : {}), ...(current.title ? { title: current.title } : {}),
    });
    current = undefined;
  };
  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    if (line.startsWith('###')) {
      flush();
      pendingTitle = line.slice(3).trim() || undefined;
      return;
    }
    if (!current) {
      const v = /^@([\w.-]+)\s*=\s*(.*)$/.exec(line);
      if (v) {
        variables[v[1]!] = v[2]!.trim();
        return;
      }
      if (line.startsWith('#') || line.startsWith('//') || line.trim() === '') return;
      const m = REQUEST_LINE.exec(line.trim());
      if (m) current = { method: m[1]!.toUpperCase(), url: m[2]!, headers: [], body: [], inBody: false, line: i, ...(pendingTitle ? { title: pendingTitle } : {}) };
      pendingTitle = undefined;
      return;
    }
    if (!current.inBody) {
      if (line.trim() === '') {
        current.inBody = true;
        return;
      }
      if (line.startsWith('#') || line.startsWith('//')) return;
      const h = /^([^:\s]+)\s*:\s*(.*)$/.exec(line);
      if (h) current.headers.push([h[1]!, h[2]!]);
      return;
    }
    current.body.push(raw);
  });
  flush();
  return { variables, requests };
}

/** Replaces `{{name}}` with values; unknown variables are left as written (and listed). */
export function substitute(text: string, values: Readonly<Record<string, string>>): { text: string; missing: string[] } {
  const missing: string[] = [];
  const out = text.replace(/\{\{\s*([\w:.-]+)\s*\}\}/g, (all, name: string) => {
    if (Object.prototype.hasOwnProperty.call(values, name)) return values[name]!;
    if (!missing.includes(name)) missing.push(name);
    return all;
  });
  return { text: out, missing };
}

export function resolveSpec(spec: RequestSpec, values: Readonly<Record<string, string>>): { spec: RequestSpec; missing: string[] } {
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

// ---------------------------------------------------------------- cURL

/** POSIX shell single-quoting. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** A cURL command line. Placeholders for secrets become shell variables (`$AUTH_TOKEN`), never values. */
export function toCurl(spec: RequestSpec): string {
  const parts = ['curl', '-sS', '-i'];
  if (spec.method !== 'GET') parts.push('-X', spec.method);
  parts.push(shellQuote(spec.url));
  for (const [k, v] of spec.headers) {
    const header = `${k}: ${v}`;
    if (/\{\{[\w:.-]+\}\}/.test(header)) {
      const withVars = header.replace(/\{\{\s*([\w:.-]+)\s*\}\}/g, (_all, name: string) => '$' + name.replace(/^cookie:/, 'COOKIE_').replace(/[^\w]/g, '_').replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase());
      parts.push('-H', `"${withVars.replace(/(["\\`])/g, '\\$1')}"`);
    } else parts.push('-H', shellQuote(header));
  }
  if (spec.body !== undefined && spec.body !== '') parts.push('--data-raw', shellQuote(spec.body));
  return parts.join(' ');
}

export type { JsonValue };

const SECRET_HEADERS = /^(authorization|cookie|proxy-authorization|x-api-key|x-auth-token)$/i;

/** A one-line description of a request for logs: secret header values are never shown. */
export function describeForLog(spec: RequestSpec): string {
  const headers = spec.headers.map(([k, v]) => `${k}: ${SECRET_HEADERS.test(k) ? '***' : v}`);
  return `${spec.method} ${spec.url}${headers.length ? ` [${headers.join('; ')}]` : ''}`;
}
