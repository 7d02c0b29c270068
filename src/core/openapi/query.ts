/**
 * The schema of a query parameter, from the calls that read it (the request inference
 * records them): the type the code converts it to (`Number(…)`, `parseInt` → integer,
 * `parseFloat` → number, `=== 'true'` → boolean, `getAll` → array), the default it falls
 * back to (`?? '1'`, `|| 10`), and an allow-list it is checked against (`SORTS.includes(v)`,
 * `new Set([...]).has(v)`) as an `enum`. Without such code it is a plain string.
 */
import * as ts from 'typescript';
import { literalValue, resolveValue, unwrap } from '../ast/query';
import { collectQueryRead } from '../nextjs/requestReads';
import { referencesOf } from '../request/flow';
import type { JsonValue } from '../request/examples';
import type { JsonSchema } from './schema';

interface Facts {
  type?: 'integer' | 'number' | 'boolean';
  fallback?: JsonValue;
  allowed?: string[];
}

const INTEGER_CALLS = /^(Number\.)?parseInt$|^Math\.(floor|trunc|round|ceil)$/;
const NUMBER_CALLS = /^(Number|(Number\.)?parseFloat)$/;

/** A literal array of strings an expression names (`['a', 'b']`, `const SORTS = [...] as const`, `new Set([...])`). */
function stringList(expr: ts.Expression): string[] | undefined {
  let value = resolveValue(expr);
  if (ts.isNewExpression(value) && ts.isIdentifier(value.expression) && value.expression.text === 'Set') {
    const arg = value.arguments?.[0];
    if (!arg) return undefined;
    value = resolveValue(arg);
  }
  if (!ts.isArrayLiteralExpression(value)) return undefined;
  const out: string[] = [];
  for (const el of value.elements) {
    const v = literalValue(el);
    if (typeof v !== 'string') return undefined;
    out.push(v);
  }
  return out;
}

/** Climbs from a value through wrappers, `??`/`||` fallbacks and conversion calls, noting what it learns. */
function climb(start: ts.Expression, facts: Facts): ts.Expression {
  let top = start;
  for (;;) {
    const p: ts.Node = top.parent;
    if (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p)) top = p;
    else if (
      ts.isBinaryExpression(p) &&
      p.left === top &&
      (p.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ||
        p.operatorToken.kind === ts.SyntaxKind.BarBarToken)
    ) {
      const v = literalValue(p.right);
      if (v !== undefined && v !== null && facts.fallback === undefined) facts.fallback = v;
      top = p;
    } else if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.PlusToken) {
      facts.type ??= 'number';
      top = p;
    } else if (ts.isCallExpression(p) && p.arguments.includes(top)) {
      const callee = unwrap(p.expression).getText();
      if (INTEGER_CALLS.test(callee)) facts.type = 'integer';
      else if (NUMBER_CALLS.test(callee)) facts.type ??= 'number';
      else if (!/^Math\.(min|max)$/.test(callee)) {
        allowList(p, top, facts);
        return top;
      }
      top = p;
    } else {
      comparison(p, top, facts);
      return top;
    }
  }
}

/** `SORTS.includes(v)` / `ALLOWED.has(v)`. */
function allowList(call: ts.CallExpression, arg: ts.Expression, facts: Facts): void {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || call.arguments[0] !== arg) return;
  if (callee.name.text !== 'includes' && callee.name.text !== 'has') return;
  const list = stringList(callee.expression);
  if (list) facts.allowed ??= list;
}

/** `v === 'true'` → boolean. */
function comparison(p: ts.Node, top: ts.Expression, facts: Facts): void {
  if (!ts.isBinaryExpression(p)) return;
  const op = p.operatorToken.kind;
  if (op !== ts.SyntaxKind.EqualsEqualsEqualsToken && op !== ts.SyntaxKind.ExclamationEqualsEqualsToken) return;
  const other = literalValue(p.left === top ? p.right : p.left);
  if (other === 'true' || other === 'false') facts.type ??= 'boolean';
}

/** Where the value is stored in a variable, what its uses do with it (one level). */
function followVariable(call: ts.CallExpression, facts: Facts): void {
  const read = collectQueryRead(call);
  const variable = read?.variable;
  if (!variable || !ts.isIdentifier(variable.name)) return;
  for (const use of referencesOf(variable)) climb(use, facts);
}

function convertFallback(value: JsonValue, type: Facts['type']): JsonValue | undefined {
  if (type === 'integer' || type === 'number') {
    const n = Number(value);
    if (!Number.isFinite(n) || (type === 'integer' && !Number.isInteger(n))) return undefined;
    return n;
  }
  if (type === 'boolean') return value === true || value === 'true';
  return typeof value === 'string' ? value : String(value);
}

/** The schema of a query parameter read by these calls (a plain string when they say nothing). */
export function querySchema(calls: readonly ts.CallExpression[]): JsonSchema {
  const facts: Facts = {};
  let array = false;
  for (const call of calls) {
    const callee = unwrap(call.expression);
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'getAll') array = true;
    climb(call, facts);
    followVariable(call, facts);
  }
  if (facts.type === 'number' && typeof facts.fallback !== 'undefined' && Number.isInteger(Number(facts.fallback)))
    facts.type = 'integer';
  const schema: JsonSchema = { type: facts.type ?? 'string' };
  if (facts.allowed && schema.type === 'string') schema.enum = facts.allowed;
  const fallback = facts.fallback === undefined ? undefined : convertFallback(facts.fallback, facts.type);
  if (fallback !== undefined && (!schema.enum || schema.enum.includes(fallback))) schema.default = fallback;
  return array ? { type: 'array', items: schema } : schema;
}
