import * as ts from 'typescript';
import { enclosingFunction, findDeclaration, isAsync, isFunctionNode, type FunctionNode } from '../ast/query';
import { isWriteCall } from '../lint/analysis/body';
import { defineRule, type EditSpec, type FixSpec } from '../lint/rule';
import type { BodyRead } from '../nextjs/requestReads';

type Misuse = 'property' | 'destructure' | 'value' | 'compare';

/** Calls whose argument is sent or stored as a value (a Promise there is a bug). */
const VALUE_CALLEE = /^(Response\.json|NextResponse\.json|JSON\.stringify)$/;

/** How the un-awaited promise is used at `node`, if wrongly. */
function misuseAt(node: ts.Node): Misuse | undefined {
  let top = node;
  while (
    ts.isParenthesizedExpression(top.parent) ||
    ts.isNonNullExpression(top.parent) ||
    ts.isAsExpression(top.parent)
  )
    top = top.parent;
  const p = top.parent;
  if (ts.isPropertyAccessExpression(p) && p.expression === top)
    return /^(then|catch|finally)$/.test(p.name.text) ? undefined : 'property';
  if (ts.isElementAccessExpression(p) && p.expression === top) return 'property';
  if (ts.isVariableDeclaration(p) && p.initializer === top && !ts.isIdentifier(p.name)) return 'destructure';
  if (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) || ts.isSpreadAssignment(p)) return 'value';
  if (ts.isTemplateSpan(p)) return 'value';
  if (ts.isBinaryExpression(p)) {
    const op = p.operatorToken.kind;
    if (
      op === ts.SyntaxKind.EqualsEqualsEqualsToken ||
      op === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
      op === ts.SyntaxKind.EqualsEqualsToken ||
      op === ts.SyntaxKind.ExclamationEqualsToken
    )
      return 'compare';
    if (op === ts.SyntaxKind.PlusToken) return 'value';
    return undefined;
  }
  if (ts.isCallExpression(p) && p.arguments.includes(top as ts.Expression)) {
    // `Promise.all([...])`, `use(...)`, helpers that take promises: fine. Responses and writes: not.
    if (VALUE_CALLEE.test(p.expression.getText().replace(/\s+/g, '')) || isWriteCall(p)) return 'value';
    return undefined;
  }
  if (
    ts.isNewExpression(p) &&
    p.arguments?.[0] === top &&
    ts.isIdentifier(p.expression) &&
    /^(Next)?Response$/.test(p.expression.text)
  )
    return 'value';
  return undefined;
}

/** Whether `fn` is a callback handed to another call (`items.map((x) => …)`): making it async changes what the caller gets. */
function isCallback(fn: FunctionNode): boolean {
  let top: ts.Node = fn;
  while (ts.isParenthesizedExpression(top.parent)) top = top.parent;
  return ts.isCallExpression(top.parent) || ts.isNewExpression(top.parent);
}

/**
 * `request.json()` and the other body readers return Promises: without `await`, the code
 * reads properties of a Promise (always undefined) or sends `{}` for the body.
 */
export default defineRule({
  id: 'missing-await',
  meta: {
    description: '`request.json()`, `text()`, `formData()` (and the other body readers) used without `await`.',
    defaultSeverity: 'error',
    fixable: 'safe',
  },
  appliesTo: (s) => s.facts.bodyReads.length > 0,
  messages: {
    notAwaited: '`{{call}}` returns a Promise, not the body: {{consequence}} Add `await`.',
  },
  create(ctx) {
    const consequence: Record<Misuse, string> = {
      property: 'reading a property of it gives `undefined`.',
      destructure: 'destructuring it gives `undefined` for every field.',
      value: 'sent or stored as a value it is a Promise object (it serializes as `{}`), not the data.',
      compare: 'comparing it is always false (a Promise is never equal to a string).',
    };
    const sf = ctx.sourceFile;
    const awaitEdit = (read: BodyRead, parenthesize: boolean): EditSpec => {
      const text = read.call.getText(sf);
      return {
        start: read.call.getStart(sf),
        end: read.call.end,
        text: parenthesize ? `(await ${text})` : `await ${text}`,
      };
    };
    /** The edit that makes `fn` async, when that is safe to offer. */
    const makeAsync = (fn: FunctionNode): EditSpec | undefined => {
      if (isCallback(fn) || (ts.isMethodDeclaration(fn) && ts.isObjectLiteralExpression(fn.parent))) return undefined;
      // An explicit non-Promise return type would no longer hold.
      if (fn.type && !/^Promise\s*</.test(fn.type.getText(sf))) return undefined;
      let at: number;
      if (ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) {
        const mods = ts.getModifiers(fn);
        const from = mods?.length ? mods[mods.length - 1]!.end : fn.getStart(sf);
        at = ctx.text.indexOf('function', from);
        if (at < 0) return undefined;
      } else if (ts.isArrowFunction(fn)) {
        at = fn.getStart(sf);
      } else {
        at = fn.name.getStart(sf);
      }
      return { start: at, end: at, text: 'async ' };
    };
    return {
      onEnd() {
        for (const read of ctx.facts.bodyReads) {
          if (read.awaitNode) continue;
          let kind = misuseAt(read.call);
          if (!kind) {
            // `const data = request.json(); data.title` — misuse through a variable never awaited
            let top: ts.Node = read.call;
            while (ts.isParenthesizedExpression(top.parent)) top = top.parent;
            const p = top.parent;
            if (ts.isVariableDeclaration(p) && p.initializer === top && ts.isIdentifier(p.name)) {
              const name = p.name.text;
              const decl = p;
              let awaited = false;
              let escapes = false;
              let misuse: Misuse | undefined;
              let scope: ts.Node | undefined = p;
              while (scope && !isFunctionNode(scope)) scope = scope.parent;
              const walk = (c: ts.Node): void => {
                if (ts.isIdentifier(c) && c.text === name && c !== decl.name && findDeclaration(name, c) === decl) {
                  const parent = c.parent;
                  if (ts.isPropertyAccessExpression(parent) && parent.name === c) return;
                  if (ts.isAwaitExpression(parent)) awaited = true;
                  // returned or handed on as a promise (`return pending`, `Promise.all([pending])`): someone else awaits it
                  else if (ts.isReturnStatement(parent) || ts.isArrayLiteralExpression(parent)) escapes = true;
                  else misuse ??= misuseAt(c);
                }
                ts.forEachChild(c, walk);
              };
              if (scope) walk(scope);
              // The fix awaits at the declaration: `const data = await request.json()`
              if (!awaited && !escapes && misuse) kind = misuse;
            }
          }
          if (!kind) continue;
          const k = kind;
          const direct = misuseAt(read.call) !== undefined;
          const fn = enclosingFunction(read.call);
          const async = !!fn && isAsync(fn);
          ctx.report({
            node: read.call,
            messageId: 'notAwaited',
            data: { call: read.call.getText(sf), consequence: consequence[k] },
            ...(async
              ? { fix: (): FixSpec => ({ title: 'Add await', edits: [awaitEdit(read, direct && k === 'property')] }) }
              : {}),
            ...(!async && fn
              ? {
                  suggestions: (): FixSpec[] => {
                    const edit = makeAsync(fn);
                    return edit
                      ? [
                          {
                            title: 'Make the function async and add await',
                            edits: [edit, awaitEdit(read, direct && k === 'property')],
                          },
                        ]
                      : [];
                  },
                }
              : {}),
          });
        }
      },
    };
  },
});
