/**
 * A request as a POSIX shell cURL command. Every argument is single-quoted; a `{{variable}}`
 * becomes a double-quoted shell variable (`{{authToken}}` → `"$AUTH_TOKEN"`), so secrets
 * stay out of the command and nothing else in it can expand. Multipart bodies become
 * `--form-string`/`-F` options (cURL writes its own boundary).
 */
import type { RequestSpec } from './model';

/** POSIX shell single-quoting. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** `authToken` → `AUTH_TOKEN`, `cookie_session` → `COOKIE_SESSION`, `baseUrl` → `BASE_URL`. */
export function envName(variable: string): string {
  return variable
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^\w]/g, '_')
    .toUpperCase();
}

/** One shell word: literal text single-quoted, `{{name}}` as `"$NAME"`. */
export function shellWord(text: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const m of text.matchAll(/\{\{\s*([A-Za-z_$][\w$.-]*)\s*\}\}/g)) {
    if (m.index! > last) parts.push(shellQuote(text.slice(last, m.index)));
    parts.push(`"$${envName(m[1]!)}"`);
    last = m.index! + m[0].length;
  }
  if (last < text.length || parts.length === 0) parts.push(shellQuote(text.slice(last)));
  return parts.join('');
}

interface FormPart {
  readonly name: string;
  readonly filename?: string;
  readonly contentType?: string;
  readonly value: string;
}

/** The parts of a `multipart/form-data` body (as we write it, with CRLF or plain newlines). */
export function parseMultipart(body: string, boundary: string): FormPart[] | undefined {
  const text = body.replace(/\r\n/g, '\n');
  const delimiter = `--${boundary}`;
  const chunks = text.split(delimiter);
  const parts: FormPart[] = [];
  for (const chunk of chunks.slice(1)) {
    if (chunk.startsWith('--')) break;
    const m = /^\n([\s\S]*?)\n\n([\s\S]*)$/.exec(chunk);
    if (!m) return undefined;
    const head = m[1]!;
    const disposition = /content-disposition:\s*form-data;\s*name="([^"]*)"(?:;\s*filename="([^"]*)")?/i.exec(head);
    if (!disposition) return undefined;
    const type = /content-type:\s*(\S+)/i.exec(head)?.[1];
    parts.push({
      name: disposition[1]!,
      ...(disposition[2] !== undefined ? { filename: disposition[2] } : {}),
      ...(type ? { contentType: type } : {}),
      value: m[2]!.replace(/\n$/, ''),
    });
  }
  return parts;
}

/** The cURL command for a request (placeholders become shell variables, never values). */
export function toCurl(spec: RequestSpec): string {
  const first: string[] = ['curl', '-sS', '-i'];
  if (spec.method === 'HEAD') first.push('--head');
  else if (spec.method !== 'GET') first.push('-X', spec.method);
  first.push(shellWord(spec.url));
  const options: string[] = [];
  const contentType = spec.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  const boundary = /^multipart\/form-data;\s*boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  const form = boundary && spec.body !== undefined ? parseMultipart(spec.body, boundary) : undefined;
  for (const [k, v] of spec.headers) {
    if (form && k.toLowerCase() === 'content-type') continue;
    options.push(`-H ${shellWord(`${k}: ${v}`)}`);
  }
  if (form) {
    for (const part of form) {
      if (part.filename !== undefined)
        options.push(
          `-F ${shellWord(`${part.name}=@${part.filename || 'file'}${part.contentType ? `;type=${part.contentType}` : ''}`)}`,
        );
      else options.push(`--form-string ${shellWord(`${part.name}=${part.value}`)}`);
    }
  } else if (spec.body !== undefined && spec.body !== '') {
    options.push(`--data-raw ${shellWord(spec.body)}`);
  }
  // One option per line: long bodies stay readable, and the command still pastes as one.
  return [first.join(' '), ...options.map((o) => `  ${o}`)].join(' \\\n');
}
