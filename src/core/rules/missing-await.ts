import * as ts from 'typescript';
import { enclosingFunction, findDeclaration, isFunctionNode } from '../ast/query';
import type { BodyRead } from '../lint/facts';
import { isAsync } from '../lint/helpers';
import { defineRule, type FixSpec } from '../lint/rule';

type Misuse = 'property' | 'destructure' | 'value';

/** How the un-awaited promise is used at `node`, if wrongly. */
function misuseAt(node: ts.Node): Misuse | undefined {
  let top = node;
  while (ts.isParenthesizedExpression(top.parent) || ts.isNonNullExpression(top.parent) || ts.isAsExpression(top.parent)) top = top.parent;
  const p = top.parent;
  if (ts.isPropertyAccessExpression(p) && p.expression === top) return /^(then|catch|finally)$/.test(p.name.text) ? undefined : 'property';
  if (ts.isElementAccessExpression(p) && p.expression === top) return 'property';
  if (ts.isVariableDeclaration(p) && p.initializer === top && !ts.isIdentifier(p.name)) return 'destructure';
  if (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p) || ts.isSpreadAssignment(p)) return 'value';
  if (ts.isTemplateSpan(p)) return 'value';
  if (ts.isBinaryExpression(p) && /^(===|!==|==|!=|\+)$/.test(p.operatorToken.getText())) return 'value';
  if (ts.isCallExpression(p) && p.arguments.includes(top as ts.Expression)) {
    // `Promise.all([...])`, `use(...)` and friends take promises; writes and Response.json do not
    const callee = p.expression.getText();
    if (/^(Promise\.\w+|use|Response\.json|NextResponse\.json|JSON\.stringify)$/.test(callee)) return /json|stringify/.test(callee) ? 'value' : undefined;
    return undefined;
  }
  return undefined;
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
  messages: {
    notAwaited:
      '`{{call}}` returns a Promise: {{consequence}} Add `await`.',
  },
  create(ctx) {
    const consequence: Record<Misuse, string> = {
      property: 'reading a property of it gives `undefined`.',
      destructure: 'destructuring it gives `undefined` for every field.',
      value: 'used as a value it is a Promise object, not the body (it serializes as `{}`).',
    };
    const fixFor = (read: BodyRead, kind: Misuse): FixSpec | undefined => {
      const fn = enclosingFunction(read.call);
      if (!fn || !isAsync(fn)) return undefined;
      const sf = ctx.sourceFile;
      const text = read.call.getText(sf);
      return {
        title: 'Add `await`',
        edits: [{ start: read.call.getStart(sf), end: read.call.end, text: kind === 'property' ? `(await ${text})` : `await ${text}` }],
      };
    };
    return {
      onEnd() {
        for (const read of ctx.facts.bodyReads) {
          if (read.awaitNode) continue;
          let kind = misuseAt(read.call);
          let reportAt: ts.Node = read.call;
          if (!kind) {
            // `const data = request.json(); data.title` — misuse through a variable never awaited
            let top: ts.Node = read.call;
            while (ts.isParenthesizedExpression(top.parent)) top = top.parent;
            const p = top.parent;
            if (ts.isVariableDeclaration(p) && p.initializer === top && ts.isIdentifier(p.name)) {
              const name = p.name.text;
              const decl = p;
              let awaited = false;
              let misuse: Misuse | undefined;
              let scope: ts.Node | undefined = p;
              while (scope && !isFunctionNode(scope)) scope = scope.parent;
              const walk = (c: ts.Node): void => {
                if (ts.isIdentifier(c) && c.text === name && c !== decl.name && findDeclaration(name, c) === decl) {
                  if (ts.isAwaitExpression(c.parent)) awaited = true;
                  else misuse ??= misuseAt(c);
                }
                ts.forEachChild(c, walk);
              };
              if (scope) walk(scope);
              if (!awaited && misuse) {
                kind = misuse;
                reportAt = read.call;
              }
            }
          }
          if (!kind) continue;
          const k = kind;
          ctx.report({
            node: reportAt,
            messageId: 'notAwaited',
            data: { call: read.call.getText(ctx.sourceFile), consequence: consequence[k] },
            fix: () => (reportAt === read.call && misuseAt(read.call) ? fixFor(read, k) : fixFor(read, 'value')),
          });
        }
      },
    };
  },
});
