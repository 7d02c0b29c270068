import * as ts from 'typescript';
import { unwrap, type FunctionNode } from '../ast/query';
import { returnedExpressions } from '../lint/helpers';
import { responseSite, isRequestExpression } from '../lint/facts';
import { defineRule } from '../lint/rule';
import { HTTP_METHODS } from '../nextjs/httpMethods';

/**
 * Next.js dispatches each method to its own export and answers 405 by itself for methods a
 * route does not export. Branching on `request.method` or hand-rolling 405s is Pages Router
 * thinking: the branch is dead, and a hand-written 405 usually lacks `Allow`.
 */
export default defineRule({
  id: 'unsupported-method-status',
  meta: {
    description: 'A handler that branches on `request.method` or hand-rolls a 405 (Next.js answers unsupported methods itself); a 405 without `Allow`.',
    defaultSeverity: 'info',
    fixable: false,
  },
  messages: {
    methodBranch:
      'This `{{method}}` handler only ever receives {{method}} requests (Next.js calls one export per method), so checking `{{expr}}` is dead code. Export a handler per method instead.',
    rejectingExport:
      '`{{method}}` is exported only to reject it with {{status}}. Next.js already answers 405 for methods a route does not export — remove this export.',
    missingAllow:
      'A 405 response must say which methods are allowed (RFC 9110 §15.5.6): add an `Allow` header, e.g. `{ Allow: \'{{allow}}\' }`.',
  },
  create(ctx) {
    const methodsByFn = new Map<FunctionNode, string[]>();
    for (const h of ctx.handlers) if (h.fn) methodsByFn.set(h.fn, [...(methodsByFn.get(h.fn) ?? []), h.method]);
    const handlerFns = new Set(methodsByFn.keys());
    const exported = HTTP_METHODS.filter((m) => ctx.handlers.some((h) => h.method === m));
    // The same list Next.js's automatic OPTIONS answers with: sorted, HEAD with GET, OPTIONS always.
    const allow = [...new Set([...exported, ...(exported.includes('GET') ? ['HEAD'] : []), 'OPTIONS'])].sort().join(', ');
    return {
      nodes: {
        [ts.SyntaxKind.PropertyAccessExpression]: (n) => {
          const pa = n as ts.PropertyAccessExpression;
          if (pa.name.text !== 'method' || !isRequestExpression(pa.expression, handlerFns)) return;
          const h = ctx.facts.handlerFor(pa);
          if (!h?.fn || (methodsByFn.get(h.fn)?.length ?? 0) > 1) return;
          // Only a comparison or a switch is a branch; logging the method is fine.
          let top: ts.Node = pa;
          while (ts.isParenthesizedExpression(top.parent)) top = top.parent;
          const p = top.parent;
          const isBranch = ts.isSwitchStatement(p) || (ts.isBinaryExpression(p) && /^(===|!==|==|!=)$/.test(p.operatorToken.getText()));
          if (isBranch) ctx.report({ node: pa, messageId: 'methodBranch', data: { method: h.method, expr: pa.getText(ctx.sourceFile) } });
        },
      },
      onEnd() {
        for (const r of ctx.facts.responses) {
          if (r.status.value !== 405 || r.kind === 'redirect') continue;
          if (r.headers.some((hd) => hd.name === 'allow')) continue;
          if (r.initObject && !r.headers.length && r.initObject.properties.some((p) => p.name && (p.name as ts.Identifier).text === 'headers')) continue; // headers we cannot see
          if (ctx.facts.headerWrites.some((w) => w.name === 'allow' && w.fn === r.fn && w.via !== 'init')) continue;
          ctx.report({ node: r.status.node ?? r.node, messageId: 'missingAllow', data: { allow } });
        }
        for (const [fn, methods] of methodsByFn) {
          if (methods.length !== 1) continue;
          const returns = returnedExpressions(fn);
          if (returns.length === 0) continue;
          const statuses = returns.map((e) => responseSite(unwrap(e))?.status.value);
          if (statuses.every((s) => s === 405 || s === 501)) {
            const h = ctx.handlers.find((x) => x.fn === fn)!;
            ctx.report({ span: h.nameSpan, messageId: 'rejectingExport', data: { method: methods[0]!, status: String(statuses[0]) } });
          }
        }
      },
    };
  },
});
