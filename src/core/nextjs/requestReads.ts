/**
 * What a route handler reads from its request, recognised syntactically: the request object
 * itself, body reads (`request.json()` …) and query-string reads (`searchParams.get('x')` through
 * `new URL(request.url).searchParams`, `request.nextUrl.searchParams`, destructured
 * `{ searchParams }`, and variables holding them). Shared by the lint rules and request inference.
 */
import * as ts from 'typescript';
import {
  enclosingFunction,
  findDeclaration,
  isFunctionNode,
  literalValue,
  unwrap,
  type FunctionNode,
} from '../ast/query';

export type BodyMethod = 'json' | 'text' | 'formData' | 'arrayBuffer' | 'blob' | 'bytes';
export const BODY_METHODS: ReadonlySet<string> = new Set(['json', 'text', 'formData', 'arrayBuffer', 'blob', 'bytes']);

export interface BodyRead {
  readonly call: ts.CallExpression;
  readonly method: BodyMethod;
  /** The request expression (`request`, `req`, `request.clone()`). */
  readonly receiver: ts.Expression;
  /** The `await` applied to the call, if any (through parentheses). */
  readonly awaitNode?: ts.AwaitExpression;
  readonly fn?: FunctionNode;
}

/** Whether an expression is the incoming request: a handler's first parameter (or `req.clone()`). */
export function isRequestExpression(expr: ts.Expression, handlerFns?: { has(node: ts.Node): boolean }): boolean {
  const e = unwrap(expr);
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'clone') {
    return isRequestExpression(e.expression.expression, handlerFns);
  }
  if (!ts.isIdentifier(e)) return false;
  const decl = findDeclaration(e.text, e);
  if (!decl || !ts.isParameter(decl)) return false;
  const fn = decl.parent;
  if (!isFunctionNode(fn) || fn.parameters[0] !== decl) return false;
  if (decl.type) {
    const typeText = decl.type.getText();
    return /\b(Next)?Request\b/.test(typeText);
  }
  return (handlerFns?.has(fn) ?? false) || /^_?req(uest)?$/i.test(e.text);
}

/** The `await` wrapping a call (through parentheses), if any. */
export function awaitOf(node: ts.Expression): ts.AwaitExpression | undefined {
  let current: ts.Node = node;
  while (ts.isParenthesizedExpression(current.parent)) current = current.parent;
  return ts.isAwaitExpression(current.parent) ? current.parent : undefined;
}

export function bodyRead(node: ts.CallExpression, handlerFns?: { has(node: ts.Node): boolean }): BodyRead | undefined {
  if (node.arguments.length !== 0) return undefined;
  const callee = unwrap(node.expression);
  if (!ts.isPropertyAccessExpression(callee) || !BODY_METHODS.has(callee.name.text)) return undefined;
  if (!isRequestExpression(callee.expression, handlerFns)) return undefined;
  const awaitNode = awaitOf(node);
  const fn = enclosingFunction(node);
  return {
    call: node,
    method: callee.name.text as BodyMethod,
    receiver: callee.expression,
    ...(awaitNode ? { awaitNode } : {}),
    ...(fn ? { fn } : {}),
  };
}

export interface QueryRead {
  /** The `….get('key')` call. */
  readonly call: ts.CallExpression;
  readonly key: string;
  /** The variable the value is stored in (`const limit = …get('limit') …`), if any. */
  readonly variable?: ts.VariableDeclaration;
  readonly fn?: FunctionNode;
}

function isSearchParamsObject(expr: ts.Expression, depth = 0): boolean {
  const e = unwrap(expr);
  if (ts.isPropertyAccessExpression(e)) return e.name.text === 'searchParams';
  if (ts.isIdentifier(e) && depth < 3) {
    const decl = findDeclaration(e.text, e);
    if (!decl) return false;
    if (ts.isBindingElement(decl)) {
      // const { searchParams } = new URL(request.url) / request.nextUrl
      const name = (decl.propertyName ?? decl.name) as ts.Identifier;
      return ts.isIdentifier(name) && name.text === 'searchParams';
    }
    if (ts.isVariableDeclaration(decl) && decl.initializer) {
      const init = unwrap(decl.initializer);
      if (ts.isNewExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'URLSearchParams')
        return true;
      return isSearchParamsObject(init, depth + 1);
    }
    if (ts.isParameter(decl)) return e.text === 'searchParams';
  }
  return false;
}

/** Whether `call` is `searchParams.get('key')` (also `getAll`), returning the key. */
export function queryKeyOf(call: ts.CallExpression): string | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || (callee.name.text !== 'get' && callee.name.text !== 'getAll'))
    return undefined;
  const key = literalValue(call.arguments[0]);
  if (typeof key !== 'string') return undefined;
  return isSearchParamsObject(callee.expression) ? key : undefined;
}

/** The variable declaration whose initializer contains `node` (through calls, `||`, `??`, parens). */
function enclosingVariable(node: ts.Node): ts.VariableDeclaration | undefined {
  for (let n: ts.Node = node; n.parent; n = n.parent) {
    const p = n.parent;
    if (ts.isVariableDeclaration(p)) return p.initializer === n && ts.isIdentifier(p.name) ? p : undefined;
    // Not through object/array literals, templates or awaits: `const rows = await sql\`… ${sp.get('limit')}\`` holds rows, not the limit.
    if (
      ts.isStatement(p) ||
      ts.isFunctionLike(p) ||
      ts.isPropertyAssignment(p) ||
      ts.isShorthandPropertyAssignment(p) ||
      ts.isObjectLiteralExpression(p) ||
      ts.isArrayLiteralExpression(p) ||
      ts.isTemplateSpan(p) ||
      ts.isAwaitExpression(p)
    )
      return undefined;
  }
  return undefined;
}

export function collectQueryRead(node: ts.CallExpression): QueryRead | undefined {
  const key = queryKeyOf(node);
  if (key === undefined) return undefined;
  const variable = enclosingVariable(node);
  const fn = enclosingFunction(node);
  return { call: node, key, ...(variable ? { variable } : {}), ...(fn ? { fn } : {}) };
}
