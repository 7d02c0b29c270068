/**
 * `.http` text, the format of REST Client and httpYac: `@name = value` variables, requests
 * separated by `###` (the rest of that line names the request), `#` and `//` comments,
 * `METHOD URL [HTTP/1.1]` (or just a URL for GET) with optional `?a=1` / `&b=2`
 * continuation lines, headers, a blank line, the body. Written by "Edit Request…" and
 * "Export Routes as .http", parsed back for the Send lens of edited requests.
 */
import type { InferredRequest } from './infer';
import {
  AUTH_TOKEN_VARIABLE,
  BASE_URL_VARIABLE,
  buildRequest,
  cookieNamesIn,
  cookieVariable,
  variablesIn,
  type RequestSpec,
} from './model';

export interface HttpRequestEntry extends RequestSpec {
  /** 0-based line of the request line (where its Send lens hangs). */
  readonly line: number;
  /** `# @no-cookie-jar` above it or among its headers: sent without the cookie jar, as both clients do. */
  readonly noCookieJar?: true;
}

export interface HttpFile {
  readonly variables: Readonly<Record<string, string>>;
  readonly requests: readonly HttpRequestEntry[];
}

const METHODS = 'GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|TRACE|CONNECT';
const REQUEST_LINE = new RegExp(`^(${METHODS})\\s+(\\S+)(?:\\s+HTTP\\/[\\d.]+)?\\s*$`, 'i');
const URL_ONLY = /^((?:https?:\/\/|\{\{)\S+)(?:\s+HTTP\/[\d.]+)?\s*$/i;

/**
 * REST Client's and httpYac's request setting that keeps their own cookie jar out of a request
 * (https://github.com/Huachao/vscode-restclient#request-settings): with it, httpYac sends a
 * `Cookie:` line with several cookies as written instead of only the first, and no cookie
 * of an earlier response is added.
 */
export const NO_COOKIE_JAR = '# @no-cookie-jar';

/** One request as `.http` text. */
export function toHttpText(spec: RequestSpec): string {
  const lines: string[] = [];
  if (spec.title) lines.push(`### ${spec.title}`);
  if (spec.headers.some(([k]) => k.toLowerCase() === 'cookie')) lines.push(NO_COOKIE_JAR);
  lines.push(`${spec.method} ${spec.url} HTTP/1.1`);
  for (const [k, v] of spec.headers) lines.push(`${k}: ${v}`);
  if (spec.body !== undefined && spec.body !== '') lines.push('', spec.body.replace(/\r\n/g, '\n').replace(/\n$/, ''));
  return lines.join('\n') + '\n';
}

/** A whole `.http` file: notes, a variables block, then the requests. */
export function toHttpFile(
  specs: readonly RequestSpec[],
  variables: Readonly<Record<string, string>> = {},
  notes: readonly string[] = [],
): string {
  const usesToken = specs.some((s) => s.headers.some(([, v]) => v.includes(`{{${AUTH_TOKEN_VARIABLE}}}`)));
  const allNotes = [
    ...notes,
    ...(usesToken
      ? [
          `{{${AUTH_TOKEN_VARIABLE}}} and {{cookie_…}} come from Next Route Kit's secret storage when sent from VS Code; in REST Client or httpYac define them in an environment, never in this file.`,
        ]
      : []),
  ];
  const head = [...allNotes.map((n) => `# ${n}`), ...Object.entries(variables).map(([k, v]) => `@${k} = ${v}`)];
  return [...head, ...(head.length ? [''] : []), specs.map(toHttpText).join('\n')].join('\n');
}

/** The request being read: its request line, headers, then body lines. */
interface OpenRequest {
  readonly method: string;
  url: string;
  readonly headers: Array<[string, string]>;
  readonly body: string[];
  state: 'url' | 'headers' | 'body';
  readonly line: number;
  readonly title?: string;
  noCookieJar?: true;
}

function isNoCookieJar(trimmed: string): boolean {
  return /^(#|\/\/)\s*@no-cookie-jar\b/.test(trimmed);
}

function isComment(trimmed: string): boolean {
  return trimmed.startsWith('#') || trimmed.startsWith('//');
}

/** Reads `.http` text line by line: between requests, variables and request lines; inside one, headers then body. */
class HttpFileReader {
  readonly variables: Record<string, string> = {};
  readonly requests: HttpRequestEntry[] = [];
  private current: OpenRequest | undefined;
  private pendingTitle: string | undefined;
  private pendingNoJar = false;

  read(raw: string, index: number): void {
    const line = raw.trimEnd();
    if (/^###/.test(line)) return this.separator(line);
    if (!this.current) return this.between(line, index);
    if (this.current.state === 'body') return void this.current.body.push(raw);
    this.head(this.current, raw, line.trim());
  }

  /** `### title` ends the request before it and names the next one. */
  private separator(line: string): void {
    this.flush();
    this.pendingTitle = line.replace(/^#+/, '').trim() || undefined;
    this.pendingNoJar = false;
  }

  /** Between requests: `@name = value`, comments, or a request line that opens the next request. */
  private between(line: string, index: number): void {
    const v = /^@([\w.$-]+)\s*=\s*(.*)$/.exec(line);
    if (v) {
      this.variables[v[1]!] = v[2]!.trim();
      return;
    }
    const trimmed = line.trim();
    if (isNoCookieJar(trimmed)) this.pendingNoJar = true;
    if (trimmed === '' || isComment(trimmed)) return;
    const m = REQUEST_LINE.exec(trimmed);
    const u = m ? undefined : URL_ONLY.exec(trimmed);
    if (m || u) {
      this.current = {
        method: m ? m[1]!.toUpperCase() : 'GET',
        url: m ? m[2]! : u![1]!,
        headers: [],
        body: [],
        state: 'url',
        line: index,
        ...(this.pendingTitle ? { title: this.pendingTitle } : {}),
        ...(this.pendingNoJar ? { noCookieJar: true as const } : {}),
      };
    }
    this.pendingTitle = undefined;
    this.pendingNoJar = false;
  }

  /** After the request line: indented `?a=1` / `&b=2` continuations, headers, and the blank line before the body. */
  private head(current: OpenRequest, raw: string, trimmed: string): void {
    if (current.state === 'url' && /^[?&]/.test(trimmed) && /^\s/.test(raw)) {
      current.url += trimmed;
      return;
    }
    if (trimmed === '') {
      current.state = 'body';
      return;
    }
    current.state = 'headers';
    if (isNoCookieJar(trimmed)) current.noCookieJar = true;
    if (isComment(trimmed)) return;
    const h = /^([^:\s]+)\s*:\s*(.*)$/.exec(trimmed);
    if (h) current.headers.push([h[1]!, h[2]!]);
  }

  flush(): void {
    const current = this.current;
    if (!current) return;
    const body = current.body.join('\n').replace(/\s+$/, '');
    this.requests.push({
      method: current.method,
      url: current.url,
      headers: current.headers,
      line: current.line,
      ...(body ? { body } : {}),
      ...(current.title ? { title: current.title } : {}),
      ...(current.noCookieJar ? { noCookieJar: true as const } : {}),
    });
    this.current = undefined;
  }
}

/** Parses `.http` text. Never throws: lines it does not understand are skipped. */
export function parseHttpFile(text: string): HttpFile {
  const reader = new HttpFileReader();
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((raw, i) => reader.read(raw, i));
  reader.flush();
  return { variables: reader.variables, requests: reader.requests };
}

/** The requests of Export Routes: `{{baseUrl}}` for the server, `{{<param>}}` for each path parameter. */
export function exportSpecs(inferred: readonly InferredRequest[]): RequestSpec[] {
  const placeholderBase = 'http://base.invalid';
  // HEAD and OPTIONS that Next.js answers by itself are not the app's routes.
  return inferred
    .filter((r) => !r.implicit)
    .map((r) => {
      const params = Object.fromEntries(r.params.map((p) => [p.name, `{{${p.name}}}`]));
      const spec = buildRequest(r, { baseUrl: placeholderBase, params });
      return { ...spec, url: spec.url.replace(placeholderBase, `{{${BASE_URL_VARIABLE}}}`) };
    });
}

/** Whether a variable holds a secret (auth token, cookie value): never given a value in a written file. */
function isSecretVariable(name: string, cookieVariables: ReadonlySet<string>): boolean {
  return name === AUTH_TOKEN_VARIABLE || name.startsWith('cookie_') || cookieVariables.has(name);
}

type EnvironmentObject = Record<string, Record<string, string>>;

/**
 * An environment file for exported requests, in the format httpYac reads as
 * `http-client.env.json` and REST Client as `rest-client.environmentVariables`
 * (https://httpyac.github.io/guide/environments.html,
 * https://github.com/Huachao/vscode-restclient#environment-variables): one object per
 * environment, defining every `{{variable}}` the requests use, so neither client stops on an
 * undefined one. No `$shared` block: httpYac does not read one in `http-client.env.json`.
 * Secrets (the token, cookie values) are empty strings: fill them in the private file
 * (`http-client.private.env.json`) or the client's own settings, never here.
 * `$dotenv` / `$processEnv` are system variables both clients resolve themselves.
 * `perEnvironment` gives an environment's own (non-secret) variables.
 */
export function environmentFile(
  specs: readonly RequestSpec[],
  environments: Readonly<Record<string, string>>,
  values: Readonly<Record<string, string>> = {},
  perEnvironment: Readonly<Record<string, Readonly<Record<string, string>>>> = {},
): string {
  const cookieVariables = new Set(specs.flatMap((s) => cookieNamesIn(s).map(cookieVariable)));
  const names = new Set<string>();
  for (const s of specs)
    for (const v of variablesIn([s.url, ...s.headers.map(([, x]) => x), s.body ?? ''].join('\n')))
      if (!v.startsWith('$')) names.add(v);
  const out: EnvironmentObject = {};
  for (const [env, baseUrl] of Object.entries(environments)) {
    const own = perEnvironment[env] ?? {};
    const vars: Record<string, string> = {};
    for (const name of [...new Set([...names, ...Object.keys(own)])].sort()) {
      vars[name] = isSecretVariable(name, cookieVariables) ? '' : (own[name] ?? values[name] ?? '');
    }
    vars[BASE_URL_VARIABLE] = baseUrl;
    out[env] = vars;
  }
  return JSON.stringify(out, null, 2) + '\n';
}

function environmentObject(text: string | undefined): EnvironmentObject | undefined {
  if (!text) return undefined;
  try {
    const data = JSON.parse(text) as unknown;
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as EnvironmentObject) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An environment file written over an existing one: its other environments and variables
 * stay, a value the user filled in stays, `baseUrl` is the new one, and a secret is always
 * empty (it belongs in the private file). Unreadable existing text is replaced.
 */
export function mergeEnvironmentFile(existing: string | undefined, generated: string): string {
  const old = environmentObject(existing) ?? {};
  const fresh = environmentObject(generated) ?? {};
  const out: EnvironmentObject = {};
  for (const env of new Set([...Object.keys(old), ...Object.keys(fresh)])) {
    const before = old[env] && typeof old[env] === 'object' ? old[env] : {};
    const now = fresh[env] ?? {};
    const vars: Record<string, string> = { ...before };
    for (const [name, value] of Object.entries(now))
      vars[name] =
        name === BASE_URL_VARIABLE || typeof before[name] !== 'string' || before[name] === '' ? value : before[name];
    for (const name of Object.keys(vars)) if (isSecretVariable(name, new Set())) vars[name] = '';
    out[env] = vars;
  }
  return JSON.stringify(out, null, 2) + '\n';
}
