import * as ts from 'typescript';
import { importedNameFrom } from '../ast/imports';
import { enclosingFunction, isAsync, unwrap } from '../ast/query';
import { usesOf } from '../lint/analysis/query';
import { defineRule, type FixSpec } from '../lint/rule';
import { awaitOf, isRequestExpression } from '../nextjs/requestReads';

const DYNAMIC_APIS = new Set(['cookies', 'headers', 'draftMode']);

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
    const at15 = ctx.project.nextMajor === undefined || ctx.project.nextMajor >= 15;
    const handlerFns = new Set(ctx.handlers.flatMap((h) => (h.fn ? [h.fn] : [])));
    return {
      nodes: {
        [ts.SyntaxKind.PropertyAccessExpression]: (n) => {
          if (!at15) return;
          const pa = n as ts.PropertyAccessExpression;
          if ((pa.name.text === 'geo' || pa.name.text === 'ip') && isRequestExpression(pa.expression, handlerFns)) {
            ctx.report({
              node: pa,
              messageId: 'geoIp',
              data: {
                prop: pa.name.text,
                replacement: pa.name.text === 'geo' ? 'geolocation(request)' : 'ipAddress(request)',
              },
            });
          }
        },
        [ts.SyntaxKind.CallExpression]: (n) => {
          if (!at15) return;
          const call = n as ts.CallExpression;
          if (!ts.isIdentifier(call.expression) || call.arguments.length !== 0) return;
          const imported = importedNameFrom(call.expression, 'next/headers');
          if (!imported || !DYNAMIC_APIS.has(imported)) return;
          if (awaitOf(call)) return;
          let top: ts.Node = call;
          while (ts.isParenthesizedExpression(top.parent)) top = top.parent;
          const p = top.parent;
          const fn = enclosingFunction(call);
          const asyncFn = !!fn && isAsync(fn);
          const name = call.expression.text;
          if (ts.isPropertyAccessExpression(p) && p.expression === top) {
            if (/^(then|catch|finally)$/.test(p.name.text)) return;
            const fix: FixSpec | undefined = asyncFn
              ? {
                  title: `Await ${name}()`,
                  edits: [
                    {
                      start: call.getStart(ctx.sourceFile),
                      end: call.end,
                      text: `(await ${call.getText(ctx.sourceFile)})`,
                    },
                  ],
                }
              : undefined;
            ctx.report({ node: call, messageId: 'syncDynamicApi', data: { name }, ...(fix ? { fix } : {}) });
            return;
          }
          if (ts.isVariableDeclaration(p) && p.initializer === top && ts.isIdentifier(p.name)) {
            // `const store = cookies(); store.get(...)` without awaiting the variable
            const syncUse =
              !!fn?.body &&
              usesOf(fn.body, p).some(
                (c) =>
                  ts.isPropertyAccessExpression(c.parent) &&
                  c.parent.expression === c &&
                  !/^(then|catch|finally)$/.test(c.parent.name.text),
              );
            if (!syncUse) return;
            const fix: FixSpec | undefined = asyncFn
              ? {
                  title: `Await ${name}()`,
                  edits: [{ start: call.getStart(ctx.sourceFile), end: call.getStart(ctx.sourceFile), text: 'await ' }],
                }
              : undefined;
            ctx.report({ node: call, messageId: 'syncDynamicApi', data: { name }, ...(fix ? { fix } : {}) });
          }
        },
      },
      onEnd() {
        for (const r of ctx.facts.responses) {
          if (r.callee === 'NextResponse' && (r.kind === 'next' || r.kind === 'rewrite')) {
            const e = unwrap((r.node as ts.CallExpression).expression) as ts.PropertyAccessExpression;
            ctx.report({ node: e, messageId: 'middlewareOnly', data: { method: r.kind } });
          }
        }
      },
    };
  },
});
