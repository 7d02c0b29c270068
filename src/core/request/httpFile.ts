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

/** Parses `.http` text. Never throws: lines it does not understand are skipped. */
export function parseHttpFile(text: string): HttpFile {
  const variables: Record<string, string> = {};
  const requests: HttpRequestEntry[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  type Current = {
    method: string;
    url: string;
    headers: Array<[string, string]>;
    body: string[];
    state: 'url' | 'headers' | 'body';
    line: number;
    title?: string;
  };
  let current: Current | undefined;
  let pendingTitle: string | undefined;
  const flush = (): void => {
    if (!current) return;
    const body = current.body.join('\n').replace(/\s+$/, '');
    requests.push({
      method: current.method,
      url: current.url,
      headers: current.headers,
      line: current.line,
      ...(body ? { body } : {}),
      ...(current.title ? { title: current.title } : {}),
    });
    current = undefined;
  };
  lines.forEach((raw, i) => {
    const line = raw.trimEnd();
    if (/^###/.test(line)) {
      flush();
      pendingTitle = line.replace(/^#+/, '').trim() || undefined;
      return;
    }
    if (!current) {
      const v = /^@([\w.$-]+)\s*=\s*(.*)$/.exec(line);
      if (v) {
        variables[v[1]!] = v[2]!.trim();
        return;
      }
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//')) return;
      const m = REQUEST_LINE.exec(trimmed);
      const u = m ? undefined : URL_ONLY.exec(trimmed);
      if (m || u) {
        current = {
          method: m ? m[1]!.toUpperCase() : 'GET',
          url: m ? m[2]! : u![1]!,
          headers: [],
          body: [],
          state: 'url',
          line: i,
          ...(pendingTitle ? { title: pendingTitle } : {}),
        };
      }
      pendingTitle = undefined;
      return;
    }
    if (current.state !== 'body') {
      const trimmed = line.trim();
      if (current.state === 'url' && /^[?&]/.test(trimmed) && /^\s/.test(raw)) {
        current.url += trimmed;
        return;
      }
      if (trimmed === '') {
        current.state = 'body';
        return;
      }
      current.state = 'headers';
      if (trimmed.startsWith('#') || trimmed.startsWith('//')) return;
      const h = /^([^:\s]+)\s*:\s*(.*)$/.exec(trimmed);
      if (h) current.headers.push([h[1]!, h[2]!]);
      return;
    }
    current.body.push(raw);
  });
  flush();
  return { variables, requests };
}

/** The requests of Export Routes: `{{baseUrl}}` for the server, `{{<param>}}` for each path parameter. */
export function exportSpecs(inferred: readonly InferredRequest[]): RequestSpec[] {
  const placeholderBase = 'http://base.invalid';
  return inferred.map((r) => {
    const params = Object.fromEntries(r.params.map((p) => [p.name, `{{${p.name}}}`]));
    const spec = buildRequest(r, { baseUrl: placeholderBase, params });
    return { ...spec, url: spec.url.replace(placeholderBase, `{{${BASE_URL_VARIABLE}}}`) };
  });
}

/** Whether a variable holds a secret (auth token, cookie value): never given a value in a written file. */
function isSecretVariable(name: string, cookieVariables: ReadonlySet<string>): boolean {
  return name === AUTH_TOKEN_VARIABLE || cookieVariables.has(name);
}

/**
 * An environment file for exported requests, in the format httpYac reads as
 * `http-client.env.json` and REST Client as `rest-client.environmentVariables`
 * (https://httpyac.github.io/guide/environments.html,
 * https://github.com/Huachao/vscode-restclient#environment-variables): one object per
 * environment, defining every `{{variable}}` the requests use, so neither client stops on an
 * undefined one. Secrets (the token, cookie values) are empty strings: fill them in the
 * private file (`http-client.private.env.json`) or the client's own settings, never here.
 * `$dotenv` / `$processEnv` are system variables both clients resolve themselves.
 */
export function environmentFile(
  specs: readonly RequestSpec[],
  environments: Readonly<Record<string, string>>,
  values: Readonly<Record<string, string>> = {},
): string {
  const cookieVariables = new Set(specs.flatMap((s) => cookieNamesIn(s).map(cookieVariable)));
  const names = new Set<string>();
  for (const s of specs)
    for (const v of variablesIn([s.url, ...s.headers.map(([, x]) => x), s.body ?? ''].join('\n')))
      if (!v.startsWith('$')) names.add(v);
  const out: Record<string, Record<string, string>> = {};
  for (const [env, baseUrl] of Object.entries(environments)) {
    const vars: Record<string, string> = {};
    for (const name of [...names].sort()) {
      vars[name] =
        name === BASE_URL_VARIABLE ? baseUrl : isSecretVariable(name, cookieVariables) ? '' : (values[name] ?? '');
    }
    vars[BASE_URL_VARIABLE] = baseUrl;
    out[env] = vars;
  }
  return JSON.stringify(out, null, 2) + '\n';
}
