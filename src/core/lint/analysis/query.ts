/**
 * Reads of the query string: `searchParams.get('x')` through `new URL(request.url).searchParams`,
 * `request.nextUrl.searchParams`, destructured `{ searchParams }`, and variables holding them.
 * Shared by the pagination and sort rules; the request runner infers query keys the same way.
 */
import * as ts from 'typescript';
import { findDeclaration, literalValue, unwrap, type FunctionNode } from '../../ast/query';
import { enclosingFunction } from '../../ast/query';
import type { RuleContext } from '../rule';

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

/** Identifiers referring to `name` inside `scope` (excluding its declaration). */
export function usesOf(scope: ts.Node, decl: ts.VariableDeclaration): ts.Identifier[] {
  const name = (decl.name as ts.Identifier).text;
  const out: ts.Identifier[] = [];
  const walk = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n.text === name && n !== decl.name) {
      const p = n.parent;
      // not a property name (`x.limit`, `{ limit: 1 }` key)
      if (!(ts.isPropertyAccessExpression(p) && p.name === n) && !(ts.isPropertyAssignment(p) && p.name === n)) {
        if (findDeclaration(name, n) === decl) out.push(n);
      }
    }
    ts.forEachChild(n, walk);
  };
  walk(scope);
  return out;
}

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
