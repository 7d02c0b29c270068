/**
 * `.http` text, the format of REST Client and httpYac: `@name = value` variables, requests
 * separated by `###` (the rest of that line names the request), `#` and `//` comments,
 * `METHOD URL [HTTP/1.1]` (or just a URL for GET) with optional `?a=1` / `&b=2`
 * continuation lines, headers, a blank line, the body. Written by "Edit Request…" and
 * "Export Routes as .http", parsed back for the Send lens of edited requests.
 */
import { AUTH_TOKEN_VARIABLE, type RequestSpec } from './model';

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

/** One request as `.http` text. */
export function toHttpText(spec: RequestSpec): string {
  const lines: string[] = [];
  if (spec.title) lines.push(`### ${spec.title}`);
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
