import * as ts from 'typescript';
import { findDeclaration, isFunctionNode, unwrap } from '../ast/query';
import { importedNameFrom } from '../lint/helpers';
import { defineRule } from '../lint/rule';

/** `request.cookies`, `res.cookies`, or a cookie store from `cookies()` / `await cookies()`. */
function isCookieStore(expr: ts.Expression): boolean {
  let e = unwrap(expr);
  if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  if (ts.isPropertyAccessExpression(e)) return e.name.text === 'cookies';
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression)) return importedNameFrom(e.expression, 'next/headers') === 'cookies';
  if (ts.isIdentifier(e)) {
    const decl = findDeclaration(e.text, e);
    return !!decl && ts.isVariableDeclaration(decl) && !!decl.initializer && isCookieStore(decl.initializer);
  }
  return false;
}

type Use = 'string' | 'object' | 'neutral';

/** How the cookie object is used at `node`: as a string (bug), as the object (`.value`), or neutrally (truthiness). */
function useOf(node: ts.Node): Use {
  let top = node;
  while (ts.isParenthesizedExpression(top.parent) || ts.isNonNullExpression(top.parent)) top = top.parent;
  const p = top.parent;
  if (ts.isPropertyAccessExpression(p) && p.expression === top) return /^(value|name)$/.test(p.name.text) ? 'object' : 'string';
  if (ts.isElementAccessExpression(p) && p.expression === top) return 'object';
  if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) return 'neutral';
  if (ts.isIfStatement(p) || ts.isConditionalExpression(p) && p.condition === top) return 'neutral';
  if (ts.isBinaryExpression(p)) {
    const op = p.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) return p.left === top ? 'neutral' : useOf(p);
    if (op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken) {
      const other = unwrap(p.left === top ? p.right : p.left);
      if (other.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(other) && other.text === 'undefined')) return 'neutral';
      return 'string';
    }
    if (op === ts.SyntaxKind.PlusToken) return 'string';
    return 'neutral';
  }
  if (ts.isTemplateSpan(p)) return 'string';
  if (ts.isCallExpression(p) && p.arguments.includes(top as ts.Expression)) {
    return /^console\.|^Boolean$/.test(p.expression.getText()) ? 'neutral' : 'string';
  }
  if (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) return 'string';
  if (ts.isReturnStatement(p) || ts.isArrowFunction(p)) return 'neutral';
  return 'neutral';
}

/**
 * `cookies.get(name)` returns `{ name, value, … }` or undefined — not the string. Using it as
 * the value sends `[object Object]` to your session store, or compares an object to a string.
 */
export default defineRule({
  id: 'cookie-value',
  meta: {
    description: '`request.cookies.get(name)` (or `cookies().get(name)`) used as a string; it returns `{ name, value }`.',
    defaultSeverity: 'warning',
    fixable: 'safe',
  },
  messages: {
    objectAsString:
      '`{{call}}` returns a cookie object (`{ name, value }`) or undefined, not its value, but it is used as a string here. Read `.value`: `{{call}}?.value`.',
  },
  create(ctx) {
    return {
      nodes: {
        [ts.SyntaxKind.CallExpression]: (n) => {
          const call = n as ts.CallExpression;
          const callee = unwrap(call.expression);
          if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'get' || call.arguments.length !== 1) return;
          if (!isCookieStore(callee.expression)) return;
          let uses: Use[];
          let top: ts.Node = call;
          while (ts.isParenthesizedExpression(top.parent) || ts.isAwaitExpression(top.parent)) top = top.parent;
          const p = top.parent;
          if (ts.isVariableDeclaration(p) && p.initializer === top && ts.isIdentifier(p.name)) {
            const name = p.name.text;
            let scope: ts.Node | undefined = p;
            while (scope && !isFunctionNode(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
            uses = [];
            const decl = p;
            const walk = (c: ts.Node): void => {
              if (ts.isIdentifier(c) && c.text === name && c !== decl.name && findDeclaration(name, c) === decl) {
                const cp = c.parent;
                if (!(ts.isPropertyAccessExpression(cp) && cp.name === c) && !(ts.isPropertyAssignment(cp) && cp.name === c)) uses.push(useOf(c));
              }
              ts.forEachChild(c, walk);
            };
            if (scope) walk(scope);
          } else {
            uses = [useOf(call)];
          }
          if (!uses.includes('string') || uses.includes('object')) return;
          const text = call.getText(ctx.sourceFile);
          ctx.report({
            node: call,
            messageId: 'objectAsString',
            data: { call: text.length > 50 ? 'cookies.get(…)' : text },
            fix: { title: 'Read the cookie\'s `.value`', edits: [{ start: call.end, end: call.end, text: '?.value' }] },
          });
        },
      },
    };
  },
});
