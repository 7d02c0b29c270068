import * as ts from 'typescript';
import { importedNameFrom } from '../ast/imports';
import { findDeclaration, isConstDeclaration, scopeOf, unwrap } from '../ast/query';
import { responseSite } from '../lint/facts';
import { isRequestExpression } from '../nextjs/requestReads';
import { usesOf } from '../lint/analysis/query';
import { defineRule } from '../lint/rule';
import { findHandlerFunctions } from '../nextjs/exports';

/**
 * A Next.js cookie store whose `.get(name)` returns `{ name, value }`: `request.cookies`,
 * a `NextResponse`'s `.cookies`, `cookies()` / `await cookies()` from `next/headers`, or a
 * local holding one. Other `.cookies` objects (`session.cookies`, a Map) are not guessed.
 */
function isCookieStore(expr: ts.Expression, handlerFns: ReadonlySet<ts.Node>, depth = 0): boolean {
  let e = unwrap(expr);
  if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  if (ts.isPropertyAccessExpression(e)) {
    if (e.name.text !== 'cookies') return false;
    const owner = unwrap(e.expression);
    if (isRequestExpression(owner, handlerFns)) return true;
    const site = responseSite(owner) ?? (ts.isIdentifier(owner) ? constResponse(owner) : undefined);
    return site?.callee === 'NextResponse';
  }
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression) && e.arguments.length === 0)
    return importedNameFrom(e.expression, 'next/headers') === 'cookies';
  if (ts.isIdentifier(e) && depth < 3) {
    const decl = findDeclaration(e.text, e);
    return (
      !!decl &&
      ts.isVariableDeclaration(decl) &&
      isConstDeclaration(decl) &&
      !!decl.initializer &&
      isCookieStore(decl.initializer, handlerFns, depth + 1)
    );
  }
  return false;
}

function constResponse(id: ts.Identifier): ReturnType<typeof responseSite> {
  const decl = findDeclaration(id.text, id);
  return decl && ts.isVariableDeclaration(decl) && decl.initializer
    ? responseSite(unwrap(decl.initializer))
    : undefined;
}

type Use = 'string' | 'object' | 'neutral';

const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);
const LOGICAL = new Set([
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
]);

/** Calls that take the cookie object as an object, or only look at it. */
function takesObject(call: ts.CallExpression): boolean {
  const callee = unwrap(call.expression);
  const text = ts.isIdentifier(callee)
    ? callee.text
    : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)
      ? `${callee.expression.text}.${callee.name.text}`
      : '';
  if (/^(console\.\w+|Boolean|JSON\.stringify|Object\.\w+|Array\.isArray|structuredClone)$/.test(text)) return true;
  // `response.cookies.set(request.cookies.get('x'))` copies the cookie object
  return (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'set' &&
    call.arguments.length === 1 &&
    ts.isPropertyAccessExpression(unwrap(callee.expression)) &&
    (unwrap(callee.expression) as ts.PropertyAccessExpression).name.text === 'cookies'
  );
}

/** Whether an object literal is (directly) a response body or serialized: keeping the whole cookie there may be deliberate. */
function isSerializedObject(obj: ts.ObjectLiteralExpression): boolean {
  let top: ts.Node = obj;
  while (ts.isParenthesizedExpression(top.parent)) top = top.parent;
  const p = top.parent;
  if (!ts.isCallExpression(p) || p.arguments[0] !== top) return false;
  const callee = unwrap(p.expression);
  return (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    /^((Next)?Response\.json|JSON\.stringify)$/.test(`${callee.expression.text}.${callee.name.text}`)
  );
}

/** How the cookie object is used at `node`: as a string (the bug), as the object (`.value`), or neutrally (truthiness). */
function useOf(node: ts.Node): Use {
  let top = node;
  while (ts.isParenthesizedExpression(top.parent) || ts.isNonNullExpression(top.parent)) top = top.parent;
  const p = top.parent;
  if (ts.isPropertyAccessExpression(p) && p.expression === top)
    return /^(value|name|path|domain|expires|maxAge|httpOnly|secure|sameSite)$/.test(p.name.text) ? 'object' : 'string';
  if (ts.isElementAccessExpression(p) && p.expression === top) return 'object';
  if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) return 'neutral';
  if (ts.isIfStatement(p) || ts.isWhileStatement(p) || (ts.isConditionalExpression(p) && p.condition === top))
    return 'neutral';
  if (ts.isBinaryExpression(p)) {
    const op = p.operatorToken.kind;
    if (LOGICAL.has(op)) return p.left === top ? 'neutral' : useOf(p);
    if (EQUALITY.has(op)) {
      const other = unwrap(p.left === top ? p.right : p.left);
      if (other.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(other) && other.text === 'undefined'))
        return 'neutral';
      return ts.isStringLiteralLike(other) ||
        ts.isTemplateExpression(other) ||
        ts.isIdentifier(other) ||
        ts.isPropertyAccessExpression(other)
        ? 'string'
        : 'neutral';
    }
    if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.PlusEqualsToken) return 'string';
    return 'neutral';
  }
  if (ts.isTemplateSpan(p)) return 'string';
  if (ts.isCallExpression(p) && p.arguments.includes(top as ts.Expression))
    return takesObject(p) ? 'neutral' : 'string';
  if (ts.isNewExpression(p) && p.arguments?.includes(top as ts.Expression)) {
    return ts.isIdentifier(p.expression) && /^(URL|URLSearchParams)$/.test(p.expression.text) ? 'string' : 'neutral';
  }
  if ((ts.isPropertyAssignment(p) && p.initializer === top) || ts.isShorthandPropertyAssignment(p)) {
    return isSerializedObject(p.parent as ts.ObjectLiteralExpression) ? 'neutral' : 'string';
  }
  return 'neutral';
}

/** Whether a `let`/`var` variable is assigned again after its declaration (then we cannot follow it). */
function isReassigned(decl: ts.VariableDeclaration, name: string, scope: ts.Node): boolean {
  if (isConstDeclaration(decl)) return false;
  let found = false;
  const walk = (n: ts.Node): void => {
    if (found) return;
    if (
      ts.isBinaryExpression(n) &&
      n.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      n.operatorToken.kind <= ts.SyntaxKind.LastAssignment
    ) {
      const left = unwrap(n.left);
      if (ts.isIdentifier(left) && left.text === name && findDeclaration(name, left) === decl) found = true;
    }
    ts.forEachChild(n, walk);
  };
  walk(scope);
  return found;
}

/**
 * `cookies.get(name)` returns `{ name, value, … }` or undefined — not the string. Using it as
 * the value sends `[object Object]` to your session store, or compares an object to a string.
 */
export default defineRule({
  id: 'cookie-value',
  meta: {
    description:
      '`request.cookies.get(name)` (or `(await cookies()).get(name)`) used as a string; it returns `{ name, value }`.',
    defaultSeverity: 'warning',
    fixable: 'safe',
  },
  messages: {
    objectAsString:
      '`{{call}}` returns a cookie object (`{ name, value }`) or undefined, not the cookie\'s value, but it is used as a string here: comparisons are always false and lookups receive "[object Object]". Read the value: `{{call}}?.value`.',
  },
  create(ctx) {
    return {
      nodes: {
        [ts.SyntaxKind.CallExpression]: (n) => {
          const call = n as ts.CallExpression;
          const callee = call.expression;
          if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'get' || call.arguments.length !== 1)
            return;
          if (!isCookieStore(callee.expression, findHandlerFunctions(ctx.doc))) return;
          let top: ts.Node = call;
          while (
            ts.isParenthesizedExpression(top.parent) ||
            ts.isAwaitExpression(top.parent) ||
            ts.isNonNullExpression(top.parent)
          )
            top = top.parent;
          const p = top.parent;
          let uses: Use[];
          if (ts.isVariableDeclaration(p) && p.initializer === top && ts.isIdentifier(p.name)) {
            // `const sessionId = request.cookies.get('sessionId')`: judge by how the variable is used.
            const name = p.name.text;
            const decl = p;
            const scope = scopeOf(p);
            if (isReassigned(decl, name, scope)) return;
            uses = usesOf(scope, decl).map(useOf);
          } else if (ts.isVariableDeclaration(p) || ts.isBindingElement(p)) {
            return; // destructured: `{ value } = cookies.get('x') ?? {}` reads fields
          } else {
            uses = [useOf(top)];
          }
          if (!uses.includes('string') || uses.includes('object')) return;
          const text = call.getText(ctx.sourceFile);
          ctx.report({
            node: call,
            messageId: 'objectAsString',
            data: { call: text.length > 50 ? 'cookies.get(…)' : text },
            fix: { title: "Read the cookie's .value", edits: [{ start: call.end, end: call.end, text: '?.value' }] },
          });
        },
      },
    };
  },
});
