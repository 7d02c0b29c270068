/** Control-flow-ish helpers rules share. Syntactic only: no type checker. */
import * as ts from 'typescript';
import { isFunctionNode, unwrap, type FunctionNode } from '../ast/query';

/** The try statement whose `try` block contains `node`, stopping at the enclosing function. */
export function enclosingTryBlock(node: ts.Node): ts.TryStatement | undefined {
  let child: ts.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isFunctionNode(current)) return undefined;
    if (ts.isTryStatement(current) && current.tryBlock === child) return current;
  }
  return undefined;
}

/** The catch clause containing `node`, stopping at the enclosing function. */
export function enclosingCatch(node: ts.Node): ts.CatchClause | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return undefined;
    if (ts.isCatchClause(current)) return current;
  }
  return undefined;
}

/** Whether `node` runs inside a try block (of its own function) that has a catch clause. */
export function isGuardedByTryCatch(node: ts.Node): boolean {
  for (let t = enclosingTryBlock(node); t; t = enclosingTryBlock(t)) {
    if (t.catchClause) return true;
  }
  return false;
}

/** `return` statements belonging to `fn` itself (not to nested functions). */
export function returnStatements(fn: FunctionNode): ts.ReturnStatement[] {
  const out: ts.ReturnStatement[] = [];
  if (!fn.body || !ts.isBlock(fn.body)) return out;
  const walk = (n: ts.Node): void => {
    if (isFunctionNode(n) || ts.isClassLike(n)) return;
    if (ts.isReturnStatement(n)) out.push(n);
    ts.forEachChild(n, walk);
  };
  ts.forEachChild(fn.body, walk);
  return out;
}

/** The expressions a function can return: `return x` values, or an arrow's expression body. */
export function returnedExpressions(fn: FunctionNode): ts.Expression[] {
  if (fn.body && !ts.isBlock(fn.body)) return [fn.body];
  return returnStatements(fn).flatMap((r) => (r.expression ? [r.expression] : []));
}

/** Whether `inner` is `outer` or one of its descendants. */
export function contains(outer: ts.Node, inner: ts.Node): boolean {
  return inner.pos >= outer.pos && inner.end <= outer.end && inner.getSourceFile() === outer.getSourceFile();
}

/**
 * Whether some condition in `scope` checks `name` against something: a comparison, a call
 * taking it (`ALLOWED.includes(x)`, `set.has(x)`, `isAllowed(x)`, `re.test(x)`), a test on it
 * (`x.endsWith('.example.com')`, `x.match(/…/)`, with `receiverTests`: an origin's suffix
 * is an allow-list, a sort key's `startsWith('-')` is not), or a switch
 * on it. The allow-list test used by the CORS and sort rules. The left side of `&&` counts as a
 * condition (`ok(x) && use(x)`); the left side of `||` too unless `orIsCheck` is false (for the
 * CORS origin, `allowed(origin) || fallback` is not a guard).
 */
const RECEIVER_TESTS = new Set(['endsWith', 'startsWith', 'match', 'includes', 'test']);

export function isCheckedInConditions(
  scope: ts.Node,
  name: string,
  { orIsCheck = true, receiverTests = false }: { orIsCheck?: boolean; receiverTests?: boolean } = {},
): boolean {
  const mentions = (n: ts.Node): boolean => {
    let hit = false;
    const walk = (c: ts.Node): void => {
      if (hit) return;
      if (ts.isIdentifier(c) && c.text === name) {
        const p = c.parent;
        if (ts.isCallExpression(p) || (ts.isBinaryExpression(p) && /^(===|!==|==|!=)$/.test(p.operatorToken.getText())))
          hit = true;
        // `origin.endsWith('.example.com')`, `origin.match(/…/)`: a test on the value itself
        else if (
          receiverTests &&
          ts.isPropertyAccessExpression(p) &&
          p.expression === c &&
          RECEIVER_TESTS.has(p.name.text) &&
          ts.isCallExpression(p.parent) &&
          p.parent.expression === p
        )
          hit = true;
        return;
      }
      ts.forEachChild(c, walk);
    };
    walk(n);
    return hit;
  };
  const guards = (op: ts.SyntaxKind): boolean =>
    op === ts.SyntaxKind.AmpersandAmpersandToken || (orIsCheck && op === ts.SyntaxKind.BarBarToken);
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isSwitchStatement(n)) {
      const e = unwrap(n.expression);
      if ((ts.isIdentifier(e) && e.text === name) || mentions(e)) found = true;
    } else if (
      (ts.isIfStatement(n) && mentions(n.expression)) ||
      (ts.isConditionalExpression(n) && mentions(n.condition))
    ) {
      found = true;
    } else if (ts.isBinaryExpression(n) && guards(n.operatorToken.kind) && mentions(n.left)) {
      found = true;
    }
    if (!found) ts.forEachChild(n, visit);
  };
  visit(scope);
  return found;
}
