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
import type { ModuleFollower } from '../nextjs/imports';

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

/** What a helper's parameter holds when the handler passes it a request part: `getMeta(request.headers)`. */
export type BoundKind = 'headers' | 'searchParams' | 'cookies';

export interface HandlerScopes {
  /** The handler, its wrapper, and the functions they call (in this file or the app's own modules). */
  readonly scopes: readonly FunctionNode[];
  /** Parameters of those functions that receive a request part at some call site. */
  readonly bound: ReadonlyMap<ts.ParameterDeclaration, BoundKind>;
}

/** The function a callee expression names: local, or imported from the app's own modules (with a follower). */
export function calleeFunction(expr: ts.Expression, follower?: ModuleFollower): FunctionNode | undefined {
  const callee = unwrap(expr);
  const local = resolveFunction(callee);
  if (local || !follower) return local;
  const found = ts.isIdentifier(callee)
    ? follower.imported(callee)
    : ts.isPropertyAccessExpression(callee)
      ? follower.importedMember(callee)
      : undefined;
  return found?.export.fn;
}

/** What a call argument is, when it is a part of the request: `request.headers`, `url.searchParams`, `await cookies()`. */
function argumentKind(
  arg: ts.Expression,
  bound: ReadonlyMap<ts.ParameterDeclaration, BoundKind>,
): BoundKind | undefined {
  let e = unwrap(arg);
  if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  if (ts.isPropertyAccessExpression(e)) {
    const name = e.name.text;
    return name === 'headers' || name === 'searchParams' || name === 'cookies' ? name : undefined;
  }
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.arguments.length === 0) {
    const name = e.expression.text;
    return name === 'headers' || name === 'cookies' ? name : undefined;
  }
  if (ts.isIdentifier(e)) {
    const decl = findDeclaration(e.text, e);
    if (decl && ts.isParameter(decl)) return bound.get(decl);
    if (decl && ts.isBindingElement(decl)) {
      const name = (decl.propertyName ?? decl.name).getText();
      return name === 'headers' || name === 'searchParams' ? name : undefined;
    }
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer) return argumentKind(decl.initializer, bound);
  }
  return undefined;
}

/**
 * The functions whose code counts for a handler: its own, the wrapper it is passed to
 * (`withAuth(handler)`), and the functions they call, transitively (bounded) — in this file,
 * and with a follower in the app's own modules too.
 */
export function collectHandlerScopes(
  fn: FunctionNode,
  wrapper?: ts.CallExpression,
  follower?: ModuleFollower,
  limit = 48,
): HandlerScopes {
  const scopes: FunctionNode[] = [fn];
  const bound = new Map<ts.ParameterDeclaration, BoundKind>();
  const seen = new Set<ts.Node>([fn]);
  const add = (target: FunctionNode | undefined): void => {
    if (target && !seen.has(target) && scopes.length < limit) {
      seen.add(target);
      scopes.push(target);
    }
  };
  if (wrapper) {
    const w = calleeFunction(wrapper.expression, follower);
    add(w);
    // `withAuth(opts)(handler)`
    if (!w && ts.isCallExpression(unwrap(wrapper.expression)))
      add(calleeFunction((unwrap(wrapper.expression) as ts.CallExpression).expression, follower));
  }
  for (let i = 0; i < scopes.length; i++) {
    const walk = (n: ts.Node): void => {
      if (ts.isCallExpression(n)) {
        const callee = unwrap(n.expression);
        if (ts.isIdentifier(callee) || ts.isPropertyAccessExpression(callee)) {
          const target = calleeFunction(callee, follower);
          add(target);
          if (target) bindArguments(target, n, bound);
        }
      }
      ts.forEachChild(n, walk);
    };
    const body = scopes[i]!.body;
    if (body) walk(body);
  }
  return { scopes, bound };
}

function bindArguments(
  target: FunctionNode,
  call: ts.CallExpression,
  bound: Map<ts.ParameterDeclaration, BoundKind>,
): void {
  call.arguments.forEach((arg, index) => {
    const param = target.parameters[index];
    const kind = param && argumentKind(arg, bound);
    if (param && kind) bound.set(param, kind);
  });
}

/** The functions whose code counts for a handler (see collectHandlerScopes), in this file only. */
export function handlerScopes(fn: FunctionNode, wrapper?: ts.CallExpression, limit = 24): FunctionNode[] {
  return [...collectHandlerScopes(fn, wrapper, undefined, limit).scopes];
}
