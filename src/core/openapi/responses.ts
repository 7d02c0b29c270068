/**
 * The responses of an operation, one per status the handler's code can return: every
 * `Response.json`, `NextResponse.json`, `new Response`, `Response.redirect` /
 * `NextResponse.redirect` built in the handler, its wrapper or the local helpers it calls
 * (the same response sites the linter reads, src/core/lint/facts.ts), plus `notFound()`,
 * `redirect()`, `permanentRedirect()`, `unauthorized()` and `forbidden()` from
 * next/navigation. JSON bodies get the shape of their value (src/core/openapi/valueSchema.ts),
 * 204/205/304 no content, 3xx a `Location` header, streams their written content type. A
 * status computed at run time becomes the `default` response; a handler whose responses
 * cannot be read gets only an open `default`.
 */
import * as http from 'node:http';
import * as ts from 'typescript';
import { importedNameFrom } from '../ast/imports';
import { resolveValue, unwrap } from '../ast/query';
import { responseSite, type ResponseSite } from '../lint/facts';
import type { HandlerExport } from '../nextjs/exports';
import type { ModuleFollower } from '../nextjs/imports';
import { collectHandlerScopes } from '../request/flow';
import { union, type JsonSchema } from './schema';
import { valueSchema, type ValueContext } from './valueSchema';

export interface ResponseObject {
  description: string;
  headers?: Record<string, { schema: JsonSchema; description?: string }>;
  content?: Record<string, { schema: JsonSchema }>;
}

/** One response the code can return. */
interface Outcome {
  readonly status: number | 'default';
  readonly contentType?: string;
  readonly schema?: JsonSchema;
  readonly headers: readonly string[];
  readonly note?: string;
}

const NAVIGATION: Readonly<Record<string, { status: number; note: string; location?: true }>> = {
  notFound: { status: 404, note: '`notFound()`' },
  redirect: { status: 307, note: '`redirect()`', location: true },
  permanentRedirect: { status: 308, note: '`permanentRedirect()`', location: true },
  unauthorized: { status: 401, note: '`unauthorized()`' },
  forbidden: { status: 403, note: '`forbidden()`' },
};
const NULL_BODY = new Set([204, 205, 304]);
/** Headers a response object documents (the rest are transport details). */
const SKIPPED_HEADERS = new Set(['content-type', 'content-length', 'connection', 'transfer-encoding']);

/** The next/navigation function a call calls (`notFound`, `redirect`, …), if any. */
function navigationCall(call: ts.CallExpression): string | undefined {
  const callee = unwrap(call.expression);
  const name = ts.isIdentifier(callee) ? importedNameFrom(callee, 'next/navigation') : undefined;
  return name !== undefined && name in NAVIGATION ? name : undefined;
}

function headerNames(site: ResponseSite): string[] {
  return site.headers.map((h) => h.name).filter((n) => !SKIPPED_HEADERS.has(n));
}

function contentTypeOf(site: ResponseSite): string | undefined {
  return site.headers
    .find((h) => h.name === 'content-type')
    ?.valueText?.split(';')[0]
    ?.trim();
}

/** The content of `new Response(body, init)`. */
function constructorContent(site: ResponseSite, ctx: ValueContext): Pick<Outcome, 'contentType' | 'schema'> {
  const declared = contentTypeOf(site);
  const body = unwrap(site.body!);
  // `new Response(JSON.stringify(x))` without a Content-Type is sent as text/plain by the Response constructor.
  if (ts.isCallExpression(body) && unwrap(body.expression).getText() === 'JSON.stringify' && body.arguments[0])
    return declared && /[/+]json$/.test(declared)
      ? { contentType: declared, schema: valueSchema(body.arguments[0], ctx) }
      : { contentType: declared ?? 'text/plain', schema: { type: 'string' } };
  const value = resolveValue(body);
  const isText =
    ts.isStringLiteral(value) || ts.isTemplateExpression(value) || ts.isNoSubstitutionTemplateLiteral(value);
  if (isText) return { contentType: declared ?? 'text/plain', schema: { type: 'string' } };
  if (declared?.startsWith('text/')) return { contentType: declared, schema: { type: 'string' } };
  return { contentType: declared ?? '*/*', schema: {} };
}

function siteOutcome(site: ResponseSite, ctx: ValueContext): Outcome | undefined {
  const headers = headerNames(site);
  const status = site.status.value ?? (site.status.implicit ? undefined : 'default');
  if (site.kind === 'redirect') {
    const fallback = site.callee === 'NextResponse' ? 307 : 302;
    return { status: status ?? fallback, headers: [...new Set(['location', ...headers])] };
  }
  if (site.kind === 'json') {
    const schema = site.body ? valueSchema(site.body, ctx) : {};
    return { status: status ?? 200, contentType: 'application/json', schema, headers };
  }
  if (site.kind !== 'constructor') return undefined;
  const code = status ?? 200;
  if (site.bodyIsNull || (typeof code === 'number' && NULL_BODY.has(code))) return { status: code, headers };
  return { status: code, headers, ...constructorContent(site, ctx) };
}

/** Every outcome in the handler's code (its function, a local wrapper, local helpers it calls). */
function outcomes(handler: HandlerExport, ctx: ValueContext, follower?: ModuleFollower): Outcome[] {
  if (!handler.fn) return [];
  const out: Outcome[] = [];
  const seen = new Set<ts.Node>();
  const visit = (node: ts.Node): void => {
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && !seen.has(node)) {
      seen.add(node);
      const site = responseSite(node);
      const outcome = site && siteOutcome(site, ctx);
      if (outcome) out.push(outcome);
      const nav = ts.isCallExpression(node) ? navigationCall(node) : undefined;
      if (nav) {
        const spec = NAVIGATION[nav]!;
        out.push({ status: spec.status, headers: spec.location ? ['location'] : [], note: spec.note });
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const scope of collectHandlerScopes(handler.fn, handler.wrapper, follower).scopes) visit(scope);
  return out;
}

function describe(status: number | 'default', notes: readonly string[]): string {
  const reason =
    status === 'default'
      ? 'A response whose status the code computes at run time'
      : (http.STATUS_CODES[status] ?? `Status ${status}`);
  return notes.length ? `${reason} (${[...new Set(notes)].join(', ')})` : reason;
}

function toResponse(status: number | 'default', list: readonly Outcome[]): ResponseObject {
  const response: ResponseObject = {
    description: describe(
      status,
      list.flatMap((o) => (o.note ? [o.note] : [])),
    ),
  };
  const headers = [...new Set(list.flatMap((o) => o.headers))].sort();
  if (headers.length)
    response.headers = Object.fromEntries(
      headers.map((h) => [
        h.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase()),
        { schema: { type: 'string' } },
      ]),
    );
  const byType = new Map<string, JsonSchema[]>();
  for (const o of list)
    if (o.contentType) byType.set(o.contentType, [...(byType.get(o.contentType) ?? []), o.schema ?? {}]);
  if (byType.size && !(typeof status === 'number' && NULL_BODY.has(status)))
    response.content = Object.fromEntries([...byType].map(([type, schemas]) => [type, { schema: union(schemas) }]));
  return response;
}

/** The `responses` object of an operation. */
export function responsesOf(
  handler: HandlerExport,
  ctx: ValueContext,
  follower?: ModuleFollower,
): Record<string, ResponseObject> {
  const grouped = new Map<number | 'default', Outcome[]>();
  for (const o of outcomes(handler, ctx, follower)) grouped.set(o.status, [...(grouped.get(o.status) ?? []), o]);
  if (grouped.size === 0)
    return { default: { description: 'The responses could not be read from the handler’s code' } };
  const keys = [...grouped.keys()].sort((a, b) => (a === 'default' ? 1 : b === 'default' ? -1 : a - b));
  return Object.fromEntries(keys.map((k) => [String(k), toResponse(k, grouped.get(k)!)]));
}
