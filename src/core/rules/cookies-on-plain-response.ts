import * as ts from 'typescript';
import { enclosingFunction, findDeclaration, isConstDeclaration, unwrap } from '../ast/query';
import { ensureImport } from '../lint/analysis/nextImports';
import { responseSite, type ResponseSite } from '../lint/facts';
import { defineRule, type FixSpec } from '../lint/rule';

const COOKIE_METHODS = /^(set|delete|get|getAll|has|clear)$/;

/** Whether a `let` is assigned again (then we cannot tell which response it holds). */
function isReassigned(decl: ts.VariableDeclaration, name: string): boolean {
  if (isConstDeclaration(decl)) return false;
  const scope: ts.Node = enclosingFunction(decl) ?? decl.getSourceFile();
  let found = false;
  const walk = (n: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = unwrap(n.left);
      if (ts.isIdentifier(left) && left.text === name && findDeclaration(name, left) === decl) found = true;
    }
    ts.forEachChild(n, walk);
  };
  walk(scope);
  return found;
}

/** The plain `Response` a `.cookies` access is made on, if it is one (directly or through a local). */
function plainResponseOf(expr: ts.Expression): ResponseSite | undefined {
  const e = unwrap(expr);
  const direct = responseSite(e);
  if (direct) return direct.callee === 'Response' ? direct : undefined;
  if (ts.isIdentifier(e)) {
    const decl = findDeclaration(e.text, e);
    if (
      decl &&
      ts.isVariableDeclaration(decl) &&
      decl.initializer &&
      ts.isIdentifier(decl.name) &&
      !isReassigned(decl, e.text)
    ) {
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
    description:
      '`.cookies.set()` / `.delete()` on a `Response.json(…)` or `new Response(…)`: only `NextResponse` has `.cookies`.',
    defaultSeverity: 'error',
    fixable: 'safe',
  },
  appliesTo: (s) => s.mentions('cookies'),
  messages: {
    plainResponse:
      '`{{name}}` is a plain `Response`, which has no `.cookies`: this throws "Cannot read properties of undefined (reading \'{{method}}\')", the client gets a 500 and no cookie is set. Create the response with `NextResponse` (or set the cookie with `(await cookies()).set(…)` from `next/headers`).',
  },
  create(ctx) {
    return {
      nodes: {
        [ts.SyntaxKind.CallExpression]: (n) => {
          const call = n as ts.CallExpression;
          const callee = call.expression;
          if (!ts.isPropertyAccessExpression(callee) || !COOKIE_METHODS.test(callee.name.text)) return;
          const cookies = unwrap(callee.expression);
          if (!ts.isPropertyAccessExpression(cookies) || cookies.name.text !== 'cookies') return;
          const site = plainResponseOf(cookies.expression);
          if (!site) return;
          const sf = ctx.sourceFile;
          const fix = (): FixSpec | undefined => {
            // `Response.json` → `NextResponse.json`, `new Response` → `new NextResponse`, `Response.redirect` likewise.
            if (site.kind === 'error') return undefined;
            const imp = ensureImport(sf, ctx.style, 'next/server', 'NextResponse', 'value');
            if (imp === 'conflict') return undefined;
            const calleeNode = ts.isNewExpression(site.node)
              ? site.node.expression
              : (unwrap(site.node.expression) as ts.PropertyAccessExpression).expression;
            const edits = [{ start: calleeNode.getStart(sf), end: calleeNode.end, text: 'NextResponse' }];
            return { title: 'Create the response with NextResponse', edits: imp.edit ? [imp.edit, ...edits] : edits };
          };
          ctx.report({
            node: cookies,
            messageId: 'plainResponse',
            data: { name: cookies.expression.getText(sf), method: callee.name.text },
            fix,
          });
        },
      },
    };
  },
});
