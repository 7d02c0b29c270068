/**
 * The JSON shape of a value a handler sends (`Response.json(value)`), read from the
 * expression: object and array literals, literals and templates, the results of
 * comparisons, `!x`, `.length`, `String(…)`/`.join()`/`.toISOString()`, path params
 * (`string` / `string[]`), `as T`, and `const`s holding any of these. Everything else (a
 * database row, a helper's result) is left open. A property is required only when its
 * value is known never to be `undefined` (JSON drops undefined members).
 */
import * as ts from 'typescript';
import { findDeclaration, isConstDeclaration, nameText, unwrap } from '../ast/query';
import { typeOfValue, union, isOpen, type Components, type JsonSchema } from './schema';
import { typeSchema } from './tsType';

const MAX_DEPTH = 8;
const STRING_METHODS = new Set(['join', 'toISOString', 'toString', 'toUpperCase', 'toLowerCase', 'trim', 'slice']);

export interface ValueContext {
  readonly components: Components;
  /** Path params of the route (destructured from `await params`): `string` or `string[]`. */
  readonly params: ReadonlyMap<string, 'string' | 'array'>;
}

function objectSchema(node: ts.ObjectLiteralExpression, ctx: ValueContext, depth: number): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  let open = false;
  for (const p of node.properties) {
    if (ts.isSpreadAssignment(p)) {
      const inner = unwrap(p.expression);
      const spread = ts.isObjectLiteralExpression(inner) ? objectSchema(inner, ctx, depth + 1) : undefined;
      if (!spread?.properties) open = true;
      else {
        Object.assign(properties, spread.properties);
        required.push(...(spread.required ?? []));
      }
      continue;
    }
    const key = nameText(p.name);
    if (key === undefined) {
      open = true;
      continue;
    }
    const value = ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : undefined;
    if (!value) continue;
    const schema = valueSchema(value, ctx, depth + 1);
    properties[key] = schema;
    if (!isOpen(schema) && !required.includes(key)) required.push(key);
  }
  // A computed or spread key we cannot read may add members: leave `additionalProperties` open (the default).
  void open;
  return { type: 'object', properties, ...(required.length ? { required } : {}) };
}

/** A path param destructured from `await params` / `await ctx.params`. */
function paramSchema(decl: ts.BindingElement, ctx: ValueContext): JsonSchema | undefined {
  const name = nameText(decl.propertyName ?? decl.name);
  const kind = name !== undefined ? ctx.params.get(name) : undefined;
  if (!kind) return undefined;
  const init = decl.parent.parent;
  if (!ts.isVariableDeclaration(init) || !init.initializer) return undefined;
  const source = unwrap(init.initializer);
  if (!ts.isAwaitExpression(source) || !/(^|\.)params$/.test(unwrap(source.expression).getText())) return undefined;
  return kind === 'string' ? { type: 'string' } : { type: 'array', items: { type: 'string' } };
}

function identifierSchema(id: ts.Identifier, ctx: ValueContext, depth: number): JsonSchema {
  const decl = findDeclaration(id.text, id);
  if (!decl) return {};
  if (ts.isBindingElement(decl)) return paramSchema(decl, ctx) ?? {};
  if (!ts.isVariableDeclaration(decl)) return {};
  if (decl.type) return typeSchema(decl.type, ctx.components);
  if (isConstDeclaration(decl) && decl.initializer) return valueSchema(decl.initializer, ctx, depth + 1);
  return {};
}

function callSchema(call: ts.CallExpression): JsonSchema {
  const callee = unwrap(call.expression);
  const text = callee.getText();
  if (text === 'String') return { type: 'string' };
  if (text === 'Number') return { type: 'number' };
  if (text === 'Boolean' || text === 'Array.isArray') return { type: 'boolean' };
  if (ts.isPropertyAccessExpression(callee)) {
    if (STRING_METHODS.has(callee.name.text) && callee.name.text !== 'slice') return { type: 'string' };
    if (/^(includes|startsWith|endsWith|has|some|every)$/.test(callee.name.text)) return { type: 'boolean' };
  }
  return {};
}

function binarySchema(node: ts.BinaryExpression, ctx: ValueContext, depth: number): JsonSchema {
  const op = node.operatorToken.kind;
  if (
    op >= ts.SyntaxKind.FirstBinaryOperator &&
    [
      ts.SyntaxKind.EqualsEqualsEqualsToken,
      ts.SyntaxKind.ExclamationEqualsEqualsToken,
      ts.SyntaxKind.EqualsEqualsToken,
      ts.SyntaxKind.ExclamationEqualsToken,
      ts.SyntaxKind.LessThanToken,
      ts.SyntaxKind.GreaterThanToken,
      ts.SyntaxKind.LessThanEqualsToken,
      ts.SyntaxKind.GreaterThanEqualsToken,
      ts.SyntaxKind.InstanceOfKeyword,
      ts.SyntaxKind.InKeyword,
    ].includes(op)
  )
    return { type: 'boolean' };
  if (op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken)
    return union([valueSchema(node.left, ctx, depth + 1), valueSchema(node.right, ctx, depth + 1)]);
  if ([ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken].includes(op))
    return { type: 'number' };
  return {};
}

/** JSON Schema of the value an expression evaluates to, as JSON; `{}` when the code does not tell. */
export function valueSchema(expr: ts.Expression, ctx: ValueContext, depth = 0): JsonSchema {
  if (depth > MAX_DEPTH) return {};
  if (ts.isAsExpression(expr) || ts.isSatisfiesExpression(expr)) {
    const typed = typeSchema(expr.type, ctx.components);
    return isOpen(typed) ? valueSchema(expr.expression, ctx, depth + 1) : typed;
  }
  const e = unwrap(expr);
  if (ts.isAwaitExpression(e)) return {};
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isTemplateExpression(e))
    return { type: 'string' };
  if (ts.isNumericLiteral(e)) return typeOfValue(Number(e.text));
  if (e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword) return { type: 'boolean' };
  if (e.kind === ts.SyntaxKind.NullKeyword) return { type: 'null' };
  if (ts.isPrefixUnaryExpression(e)) {
    if (e.operator === ts.SyntaxKind.ExclamationToken) return { type: 'boolean' };
    if (e.operator === ts.SyntaxKind.MinusToken || e.operator === ts.SyntaxKind.PlusToken) return { type: 'number' };
    return {};
  }
  if (ts.isObjectLiteralExpression(e)) return objectSchema(e, ctx, depth);
  if (ts.isArrayLiteralExpression(e)) {
    if (e.elements.some((el) => ts.isSpreadElement(el))) return { type: 'array', items: {} };
    const items = union(e.elements.map((el) => valueSchema(el, ctx, depth + 1)));
    return { type: 'array', items: e.elements.length ? items : {} };
  }
  if (ts.isConditionalExpression(e))
    return union([valueSchema(e.whenTrue, ctx, depth + 1), valueSchema(e.whenFalse, ctx, depth + 1)]);
  if (ts.isBinaryExpression(e)) return binarySchema(e, ctx, depth);
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'length') return { type: 'integer', minimum: 0 };
  if (ts.isPropertyAccessExpression(e) && e.name.text === 'method' && /^_?req(uest)?$/.test(e.expression.getText()))
    return { type: 'string' };
  if (ts.isCallExpression(e)) return callSchema(e);
  if (ts.isIdentifier(e)) return identifierSchema(e, ctx, depth);
  return {};
}
