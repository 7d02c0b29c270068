/**
 * The route-handler snippets: where they are offered, in which variant, and how a snippet is
 * bound to the route it is inserted into. The bodies live in `snippets/*.json` (VS Code's
 * snippet format, generated from scripts/snippets/catalog.txt), so they also work pasted
 * into a user snippets file: there the dynamic segment's name comes from a `TM_DIRECTORY`
 * transform; in the editor the completion provider puts in the route's real params.
 */
import { paramTypeMember, type RouteParam } from '../nextjs/routePath';
import { escapeSnippetText, expandSnippet } from './syntax';

export type SnippetScope = 'routeFiles' | 'everywhere' | 'off';
export type SnippetVariant = 'typescript' | 'javascript';

/** One entry of a VS Code snippets file. */
export interface SnippetDefinition {
  readonly prefix: string;
  readonly description: string;
  readonly body: readonly string[];
}

export type SnippetFile = Readonly<Record<string, SnippetDefinition>>;

export const SNIPPET_FILES: Readonly<Record<SnippetVariant, string>> = {
  typescript: 'snippets/typescript.json',
  javascript: 'snippets/javascript.json',
};

const VARIANTS: Readonly<Record<string, SnippetVariant>> = {
  typescript: 'typescript',
  typescriptreact: 'typescript',
  javascript: 'javascript',
  javascriptreact: 'javascript',
};

/** The variant to offer in a document, or undefined when snippets are not offered there. */
export function snippetVariant(
  scope: SnippetScope,
  languageId: string,
  isRouteFile: boolean,
): SnippetVariant | undefined {
  if (scope === 'off' || (scope === 'routeFiles' && !isRouteFile)) return undefined;
  return VARIANTS[languageId];
}

/**
 * The dynamic segment's name for a snippet used as a plain user snippet: the last folder's
 * `[name]`, `[...name]` or `[[...name]]`, else `fallback`. The regex always matches, so the
 * transform never yields the directory itself.
 */
export function paramVariable(fallback: string): string {
  return `\${TM_DIRECTORY/^(?:.*[\\/\\\\]\\[{1,2}(?:\\.{3})?([^\\]\\/\\\\]+)\\]{1,2}|.*)$/\${1:-${fallback}}/}`;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const VARIABLE_SOURCE = escapeRe(paramVariable('\u0000')).replace('\u0000', '(\\w+)');
const VARIABLE = new RegExp(VARIABLE_SOURCE, 'g');
const PARAMS_TYPE = new RegExp(`Promise<\\{ ${VARIABLE_SOURCE}(\\?)?: string(\\[\\])? \\}>`, 'g');
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The default of the placeholder holding a collection's URL (`Location` headers). */
export const ROUTE_DEFAULT = '/api/items';
const ROUTE_PLACEHOLDER = new RegExp(`\\$\\{(\\d+):${escapeRe(ROUTE_DEFAULT)}\\}`, 'g');

/** Where a snippet goes: the route's params and its served URL pattern (basePath included). */
export interface SnippetTarget {
  readonly params: readonly RouteParam[];
  readonly route?: string;
}

/**
 * Binds a snippet body to the route it goes into: the params type lists every param of the
 * route, the dynamic segment's name is the route's last param, and a collection URL
 * placeholder defaults to the route's URL (static routes only: Next.js does not tell a
 * handler its basePath). Undefined when the snippet cannot fit (a catch-all snippet in a
 * `[id]` folder). Without params (or with a name that is not an identifier) the snippet keeps
 * its defaults (`id`, `slug`).
 */
export function bindSnippet(body: string, target: SnippetTarget): string | undefined {
  const { params, route } = target;
  let out = body;
  if (route && params.length === 0)
    out = out.replace(ROUTE_PLACEHOLDER, (_m, n: string) => `\${${n}:${escapeSnippetText(route)}}`);
  const last = params.at(-1);
  const catchAll = [...out.matchAll(PARAMS_TYPE)].some((m) => m[3]);
  if (!last || !IDENTIFIER.test(last.name)) return out.replace(VARIABLE, (_m, fallback: string) => fallback);
  if (catchAll && last.kind === 'single') return undefined;
  const name = escapeSnippetText(last.name);
  const type = `Promise<{ ${params.map((p) => escapeSnippetText(paramTypeMember(p))).join('; ')} }>`;
  return out.replace(PARAMS_TYPE, () => type).replace(VARIABLE, () => name);
}

export interface BoundSnippet {
  readonly name: string;
  readonly prefix: string;
  readonly description: string;
  /** The body in snippet syntax, bound to the route. */
  readonly body: string;
}

/** Every snippet of a file that fits the target route, bound to it. */
export function snippetsFor(file: SnippetFile, target: SnippetTarget): BoundSnippet[] {
  const out: BoundSnippet[] = [];
  for (const [name, def] of Object.entries(file)) {
    const body = bindSnippet(def.body.join('\n'), target);
    if (body !== undefined) out.push({ name, prefix: def.prefix, description: def.description, body });
  }
  return out;
}

/** The code a snippet writes with every placeholder at its default, for the completion preview. */
export function previewSnippet(body: string): string {
  return expandSnippet(body).text;
}
