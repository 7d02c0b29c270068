import * as ts from 'typescript';
import { findDeclaration, unwrap } from '../ast/query';
import { responseSite, type ResponseSite } from '../lint/facts';
import { addNamedImport } from '../lint/fixes';
import { defineRule, type FixSpec } from '../lint/rule';

/** The plain `Response` a `.cookies` access is made on, if it is one. */
function plainResponseOf(expr: ts.Expression): ResponseSite | undefined {
  const e = unwrap(expr);
  const direct = responseSite(e);
  if (direct) return direct.callee === 'Response' ? direct : undefined;
  if (ts.isIdentifier(e)) {
    const decl = findDeclaration(e.text, e);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer) {
      const site = responseSite(unwrap(decl.initializer));
      return site?.callee === 'Response' ? site : undefined;
    }
  }
  return undefined;
}

/**
 * `.cookies` is a `NextResponse` API. On a plain `Response` it is undefined, so
 * `response.cookies.set(…)` throws "Cannot read properties of undefined (reading 'set')".
 */
export default defineRule({
  id: 'cookies-on-plain-response',
  meta: {
    description: '`.cookies.set()` / `.delete()` on a `Response.json(…)` or `new Response(…)`: only `NextResponse` has `.cookies`.',
    defaultSeverity: 'error',
    fixable: 'safe',
  },
  messages: {
    plainResponse:
      '`{{name}}` is a plain `Response`, which has no `.cookies`: this throws "Cannot read properties of undefined (reading \'{{method}}\')" and the client gets a 500. Create it with `NextResponse` instead.',
  },
  create(ctx) {
    return {
      nodes: {
        [ts.SyntaxKind.CallExpression]: (n) => {
          const call = n as ts.CallExpression;
          const callee = unwrap(call.expression);
          if (!ts.isPropertyAccessExpression(callee) || !/^(set|delete|get|getAll|has|clear)$/.test(callee.name.text)) return;
          const cookies = unwrap(callee.expression);
          if (!ts.isPropertyAccessExpression(cookies) || cookies.name.text !== 'cookies') return;
          const site = plainResponseOf(cookies.expression);
          if (!site) return;
          const fix = (): FixSpec | undefined => {
            const sf = ctx.sourceFile;
            const calleeNode = ts.isNewExpression(site.node) ? site.node.expression : (site.node.expression as ts.PropertyAccessExpression).expression;
            const edits = [{ start: calleeNode.getStart(sf), end: calleeNode.end, text: 'NextResponse' }];
            const imp = addNamedImport(sf, ctx.style, 'next/server', 'NextResponse');
            return { title: 'Create the response with `NextResponse`', edits: imp ? [imp, ...edits] : edits };
          };
          ctx.report({ node: cookies, messageId: 'plainResponse', data: { name: cookies.expression.getText(ctx.sourceFile), method: callee.name.text }, fix });
        },
      },
    };
  },
});
