/**
 * Reads of the query string: `searchParams.get('x')` through `new URL(request.url).searchParams`,
 * `request.nextUrl.searchParams`, destructured `{ searchParams }`, and variables holding them.
 * Shared by the pagination and sort rules; the request runner infers query keys the same way.
 */
import * as ts from 'typescript';
import { usesOf } from '../../ast/query';
import { collectQueryRead, type QueryRead } from '../../nextjs/requestReads';
import type { RuleContext } from '../rule';

export { usesOf };

/** Rules feed every call expression here during the walk; the reads are shared per document. */
export function queryReads<M extends string>(ctx: RuleContext<M>, node: ts.CallExpression): void {
  // Fast path: only `x.get(…)` / `x.getAll(…)` can be a query read.
  const callee = node.expression;
  if (callee.kind !== ts.SyntaxKind.PropertyAccessExpression) return;
  const method = (callee as ts.PropertyAccessExpression).name.text;
  if (method !== 'get' && method !== 'getAll') return;
  const state = ctx.doc.memo('analysis:queryReads', () => ({ list: [] as QueryRead[], seen: new Set<ts.Node>() }));
  if (state.seen.has(node)) return;
  state.seen.add(node);
  const read = collectQueryRead(node);
  if (read) state.list.push(read);
}

export function allQueryReads<M extends string>(ctx: RuleContext<M>): readonly QueryRead[] {
  return ctx.doc.memo('analysis:queryReads', () => ({ list: [] as QueryRead[], seen: new Set<ts.Node>() })).list;
}

/**
 * Where a query value used inline lands (`take: Number(sp.get('limit') ?? 20)`,
 * `orderBy: { [sp.get('sort') ?? 'id']: 'asc' }`): climbs through parentheses, casts, `??`,
 * `||`, unary `+` and the calls wrapping it. Returns the outermost expression and the texts
 * of the calls passed through (so a rule can see `Math.min(…)` or `schema.parse(…)`).
 */
export function inlineUse(call: ts.CallExpression, sf: ts.SourceFile): { top: ts.Expression; calls: string[] } {
  let top: ts.Expression = call;
  const calls: string[] = [];
  for (;;) {
    const p: ts.Node = top.parent;
    if (
      ts.isParenthesizedExpression(p) ||
      ts.isAsExpression(p) ||
      ts.isNonNullExpression(p) ||
      ts.isSatisfiesExpression(p)
    )
      top = p;
    else if (
      ts.isBinaryExpression(p) &&
      (p.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ||
        p.operatorToken.kind === ts.SyntaxKind.BarBarToken)
    )
      top = p;
    else if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.PlusToken) top = p;
    else if (ts.isCallExpression(p) && p.arguments.includes(top)) {
      calls.push(p.expression.getText(sf));
      top = p;
    } else return { top, calls };
  }
}
