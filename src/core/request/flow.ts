/**
 * Following a value through a handler's code, syntactically: where an expression's value
 * ends up (a variable, a destructuring, an argument of a local function, a return), and
 * every reference to a declaration. Shared by the body, form and query inference.
 */
import * as ts from 'typescript';
import {
  enclosingFunction,
  findDeclaration,
  isPropertyName,
  resolveFunction,
  scopeOf,
  unwrap,
  type FunctionNode,
} from '../ast/query';

/**
 * The outermost expression that still holds `node`'s value: through parentheses, `as`,
 * `!`, `satisfies`, `await`, `x ?? {}` / `x || {}` (left side), and `.catch(() => …)` /
 * `.then(…)` on a promise.
 */
export function holderOf(node: ts.Node): ts.Node {
  let n = node;
  for (;;) {
    const p = n.parent;
    if (!p) return n;
    if (
      ts.isParenthesizedExpression(p) ||
      ts.isAsExpression(p) ||
      ts.isNonNullExpression(p) ||
      ts.isSatisfiesExpression(p) ||
      ts.isTypeAssertionExpression(p) ||
      ts.isAwaitExpression(p)
    )
      n = p;
    else if (
      ts.isBinaryExpression(p) &&
      p.left === n &&
      (p.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ||
        p.operatorToken.kind === ts.SyntaxKind.BarBarToken)
    )
      n = p;
    else if (
      ts.isPropertyAccessExpression(p) &&
      p.expression === n &&
      (p.name.text === 'catch' || p.name.text === 'finally') &&
      ts.isCallExpression(p.parent) &&
      p.parent.expression === p
    )
      n = p.parent;
    else return n;
  }
}

/** The declaration a value is stored in: `const x = value`, `x = value` (assigning a declared `let`). */
export function storedIn(holder: ts.Node): ts.VariableDeclaration | ts.ParameterDeclaration | undefined {
  const p = holder.parent;
  if (!p) return undefined;
  if (ts.isVariableDeclaration(p) && p.initializer === holder && ts.isIdentifier(p.name)) return p;
  if (
    ts.isBinaryExpression(p) &&
    p.right === holder &&
    p.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    ts.isIdentifier(p.left)
  ) {
    const decl = findDeclaration(p.left.text, p.left);
    if (decl && (ts.isVariableDeclaration(decl) || ts.isParameter(decl))) return decl;
  }
  return undefined;
}

/** The scope a declaration is visible in (its function, else its source file). */
/**
 * References to a declaration (a variable, a parameter or a destructured name): identifiers
 * that resolve to it, excluding its own name, property names and assignment targets.
 */
export function referencesOf(
  decl: ts.VariableDeclaration | ts.ParameterDeclaration | ts.BindingElement,
): ts.Identifier[] {
  if (!ts.isIdentifier(decl.name)) return [];
  const name = decl.name.text;
  const own = decl.name;
  const out: ts.Identifier[] = [];
  const scope = ts.isParameter(decl) ? decl.parent : scopeOf(decl);
  const walk = (n: ts.Node): void => {
    if (ts.isIdentifier(n)) {
      if (n.text !== name || n === own) return;
      if (isPropertyName(n)) return;
      const p = n.parent;
      if (ts.isBinaryExpression(p) && p.left === n && p.operatorToken.kind === ts.SyntaxKind.EqualsToken) return;
      if (findDeclaration(name, n) === decl) out.push(n);
      return;
    }
    ts.forEachChild(n, walk);
  };
  walk(scope);
  return out;
}

/** When `holder` is the i-th argument of a call to a function declared in this file: that function and i. */
export function localCallee(holder: ts.Node): { fn: FunctionNode; index: number } | undefined {
  const p = holder.parent;
  if (!p || !ts.isCallExpression(p) || p.expression === holder) return undefined;
  const index = p.arguments.indexOf(holder as ts.Expression);
  if (index < 0) return undefined;
  const fn = resolveFunction(p.expression);
  return fn ? { fn, index } : undefined;
}

/** Calls of a local function within `scopes` (for values a helper returns). */
export function callsOf(fn: FunctionNode, scopes: readonly ts.Node[]): ts.CallExpression[] {
  const out: ts.CallExpression[] = [];
  for (const scope of scopes) {
    const walk = (n: ts.Node): void => {
      if (ts.isCallExpression(n) && resolveFunction(n.expression) === fn) out.push(n);
      ts.forEachChild(n, walk);
    };
    walk(scope);
  }
  return out;
}

/** The function whose return value `holder` is (`return value` / `=> value`), if any. */
export function returnedFrom(holder: ts.Node): FunctionNode | undefined {
  const p = holder.parent;
  if (!p) return undefined;
  if (ts.isReturnStatement(p)) return enclosingFunction(p);
  if (ts.isArrowFunction(p) && p.body === holder) return p;
  return undefined;
}

/**
 * The functions whose code counts for a handler: its own, the wrapper it is passed to
 * (`withAuth(handler)`) when that is local, and local functions they call, transitively
 * (bounded).
 */
export function handlerScopes(fn: FunctionNode, wrapper?: ts.CallExpression, limit = 24): FunctionNode[] {
  const scopes: FunctionNode[] = [fn];
  const seen = new Set<ts.Node>([fn]);
  const add = (target: FunctionNode | undefined): void => {
    if (target && !seen.has(target) && scopes.length < limit) {
      seen.add(target);
      scopes.push(target);
    }
  };
  if (wrapper) {
    const w = resolveFunction(wrapper.expression);
    add(w);
    // `withAuth(opts)(handler)`
    if (!w && ts.isCallExpression(unwrap(wrapper.expression)))
      add(resolveFunction((unwrap(wrapper.expression) as ts.CallExpression).expression));
  }
  for (let i = 0; i < scopes.length; i++) {
    const walk = (n: ts.Node): void => {
      if (ts.isCallExpression(n)) {
        const callee = unwrap(n.expression);
        if (ts.isIdentifier(callee)) add(resolveFunction(callee));
      }
      ts.forEachChild(n, walk);
    };
    const body = scopes[i]!.body;
    if (body) walk(body);
  }
  return scopes;
}
