import * as ts from 'typescript';
import { importedNameFrom } from '../ast/imports';
import { enclosingFunction, isAsync, unwrap } from '../ast/query';
import { usesOf } from '../lint/analysis/query';
import { defineRule, type FixSpec } from '../lint/rule';
import { findHandlerFunctions } from '../nextjs/exports';
import { awaitOf, isRequestExpression } from '../nextjs/requestReads';

const DYNAMIC_APIS = new Set(['cookies', 'headers', 'draftMode']);

const PROMISE_METHOD = /^(then|catch|finally)$/;

/** `request.geo` / `request.ip`, with the `@vercel/functions` call that replaces it. */
function geoIpRead(pa: ts.PropertyAccessExpression, handlerFns: ReadonlySet<ts.Node>) {
  const prop = pa.name.text;
  if ((prop !== 'geo' && prop !== 'ip') || !isRequestExpression(pa.expression, handlerFns)) return undefined;
  return { prop, replacement: prop === 'geo' ? 'geolocation(request)' : 'ipAddress(request)' };
}

interface SyncCall {
  readonly call: ts.CallExpression;
  /** `cookies`, `headers` or `draftMode`, as written. */
  readonly name: string;
  /** How to await it: `(await cookies()).get(…)` or `const store = await cookies()`. */
  readonly form: 'wrap' | 'prefix';
}

/** A `cookies()` / `headers()` / `draftMode()` from `next/headers` whose result is used without awaiting. */
function syncDynamicApiCall(call: ts.CallExpression): SyncCall | undefined {
  if (!ts.isIdentifier(call.expression) || call.arguments.length !== 0) return undefined;
  const imported = importedNameFrom(call.expression, 'next/headers');
  if (!imported || !DYNAMIC_APIS.has(imported) || awaitOf(call)) return undefined;
  let top: ts.Node = call;
  while (ts.isParenthesizedExpression(top.parent)) top = top.parent;
  const p = top.parent;
  const name = call.expression.text;
  if (ts.isPropertyAccessExpression(p) && p.expression === top)
    return PROMISE_METHOD.test(p.name.text) ? undefined : { call, name, form: 'wrap' };
  if (ts.isVariableDeclaration(p) && p.initializer === top && ts.isIdentifier(p.name))
    return storeReadSync(p, call) ? { call, name, form: 'prefix' } : undefined;
  return undefined;
}

/** `const store = cookies(); store.get(...)`: the variable is read without being awaited. */
function storeReadSync(decl: ts.VariableDeclaration, call: ts.CallExpression): boolean {
  const body = enclosingFunction(call)?.body;
  return (
    !!body &&
    usesOf(body, decl).some(
      (c) =>
        ts.isPropertyAccessExpression(c.parent) &&
        c.parent.expression === c &&
        !PROMISE_METHOD.test(c.parent.name.text),
    )
  );
}

/** Adds the `await` (only inside an async function, where it is valid). */
function awaitFix(sf: ts.SourceFile, { call, name, form }: SyncCall): FixSpec | undefined {
  const fn = enclosingFunction(call);
  if (!fn || !isAsync(fn)) return undefined;
  const start = call.getStart(sf);
  const edit =
    form === 'wrap'
      ? { start, end: call.end, text: `(await ${call.getText(sf)})` }
      : { start, end: start, text: 'await ' };
  return { title: `Await ${name}()`, edits: [edit] };
}

/**
 * APIs Next.js 15 removed or made async, and middleware-only APIs that throw in route handlers.
 */
export default defineRule({
  id: 'removed-request-api',
  meta: {
    description:
      '`request.geo` / `request.ip` (removed in 15), sync `cookies()` / `headers()` / `draftMode()` (async since 15), `NextResponse.next()` / `.rewrite()` in a route handler.',
    defaultSeverity: 'error',
    fixable: 'safe',
  },
  messages: {
    geoIp:
      '`request.{{prop}}` was removed in Next.js 15 and is `undefined`. On Vercel use `{{replacement}}` from `@vercel/functions`; elsewhere read the `x-forwarded-for` / geo headers your proxy sets.',
    syncDynamicApi:
      '`{{name}}()` returns a Promise since Next.js 15 (sync access warns in 15 and is removed in 16). Use `(await {{name}}())`.',
    middlewareOnly:
      '`NextResponse.{{method}}()` only works in middleware/proxy: in a route handler it throws ("NextResponse.{{method}}() was used in a app route handler, this is not supported"). Return a response instead, or move this to `proxy.ts`.',
  },
  create(ctx) {
    const reportMiddlewareOnly = (): void => {
      for (const r of ctx.facts.responses) {
        if (r.callee === 'NextResponse' && (r.kind === 'next' || r.kind === 'rewrite')) {
          const e = unwrap((r.node as ts.CallExpression).expression) as ts.PropertyAccessExpression;
          ctx.report({ node: e, messageId: 'middlewareOnly', data: { method: r.kind } });
        }
      }
    };
    if (ctx.project.nextMajor !== undefined && ctx.project.nextMajor < 15) return { onEnd: reportMiddlewareOnly };
    return {
      nodes: {
        [ts.SyntaxKind.PropertyAccessExpression]: (n) => {
          const data = geoIpRead(n as ts.PropertyAccessExpression, findHandlerFunctions(ctx.doc));
          if (data) ctx.report({ node: n, messageId: 'geoIp', data });
        },
        [ts.SyntaxKind.CallExpression]: (n) => {
          const sync = syncDynamicApiCall(n as ts.CallExpression);
          if (!sync) return;
          const fix = awaitFix(ctx.sourceFile, sync);
          ctx.report({
            node: sync.call,
            messageId: 'syncDynamicApi',
            data: { name: sync.name },
            ...(fix ? { fix } : {}),
          });
        },
      },
      onEnd: reportMiddlewareOnly,
    };
  },
});
