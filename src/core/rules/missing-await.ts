import * as ts from 'typescript';
import { enclosingFunction, findDeclaration, isAsync, isFunctionNode, type FunctionNode } from '../ast/query';
import { isWriteCall } from '../lint/analysis/body';
import { defineRule, type EditSpec, type FixSpec, type Report } from '../lint/rule';
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

const CONSEQUENCE: Readonly<Record<Misuse, string>> = {
  property: 'reading a property of it gives `undefined`.',
  destructure: 'destructuring it gives `undefined` for every field.',
  value: 'sent or stored as a value it is a Promise object (it serializes as `{}`), not the data.',
  compare: 'comparing it is always false (a Promise is never equal to a string).',
};

/** How the uses of a variable holding the un-awaited read treat it. */
interface VariableUses {
  awaited: boolean;
  /** Returned or handed on as a promise (`return pending`, `Promise.all([pending])`): someone else awaits it. */
  escapes: boolean;
  misuse?: Misuse;
}

function usesOfPending(decl: ts.VariableDeclaration & { name: ts.Identifier }): VariableUses {
  const name = decl.name.text;
  const uses: VariableUses = { awaited: false, escapes: false };
  let scope: ts.Node | undefined = decl;
  while (scope && !isFunctionNode(scope)) scope = scope.parent;
  const walk = (c: ts.Node): void => {
    if (ts.isIdentifier(c) && c.text === name && c !== decl.name && findDeclaration(name, c) === decl) {
      const parent = c.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.name === c) return;
      if (ts.isAwaitExpression(parent)) uses.awaited = true;
      else if (ts.isReturnStatement(parent) || ts.isArrayLiteralExpression(parent)) uses.escapes = true;
      else uses.misuse ??= misuseAt(c);
    }
    ts.forEachChild(c, walk);
  };
  if (scope) walk(scope);
  return uses;
}

/**
 * `const data = request.json(); data.title`: misuse through a variable never awaited (the fix
 * awaits at the declaration: `const data = await request.json()`).
 */
function misuseThroughVariable(call: ts.CallExpression): Misuse | undefined {
  let top: ts.Node = call;
  while (ts.isParenthesizedExpression(top.parent)) top = top.parent;
  const p = top.parent;
  if (!ts.isVariableDeclaration(p) || p.initializer !== top || !ts.isIdentifier(p.name)) return undefined;
  const { awaited, escapes, misuse } = usesOfPending(p as ts.VariableDeclaration & { name: ts.Identifier });
  return !awaited && !escapes ? misuse : undefined;
}

/** `await request.json()`, parenthesized when a property is read from it: `(await request.json()).title`. */
function awaitEdit(read: BodyRead, sf: ts.SourceFile, parenthesize: boolean): EditSpec {
  const text = read.call.getText(sf);
  return {
    start: read.call.getStart(sf),
    end: read.call.end,
    text: parenthesize ? `(await ${text})` : `await ${text}`,
  };
}

/** The edit that makes `fn` async, when that is safe to offer. */
function makeAsyncEdit(fn: FunctionNode, sf: ts.SourceFile): EditSpec | undefined {
  if (isCallback(fn) || (ts.isMethodDeclaration(fn) && ts.isObjectLiteralExpression(fn.parent))) return undefined;
  // An explicit non-Promise return type would no longer hold.
  if (fn.type && !/^Promise\s*</.test(fn.type.getText(sf))) return undefined;
  let at: number;
  if (ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) {
    const mods = ts.getModifiers(fn);
    const from = mods?.length ? mods[mods.length - 1]!.end : fn.getStart(sf);
    at = sf.text.indexOf('function', from);
    if (at < 0) return undefined;
  } else if (ts.isArrowFunction(fn)) {
    at = fn.getStart(sf);
  } else {
    at = fn.name.getStart(sf);
  }
  return { start: at, end: at, text: 'async ' };
}

/** In an async function: add `await`. Elsewhere: suggest making the function async too. */
function awaitFixes(read: BodyRead, kind: Misuse, sf: ts.SourceFile): Pick<Report<string>, 'fix' | 'suggestions'> {
  const edit = (): EditSpec => awaitEdit(read, sf, kind === 'property' && misuseAt(read.call) !== undefined);
  const fn = enclosingFunction(read.call);
  if (!fn) return {};
  if (isAsync(fn)) return { fix: (): FixSpec => ({ title: 'Add await', edits: [edit()] }) };
  return {
    suggestions: (): FixSpec[] => {
      const asyncEdit = makeAsyncEdit(fn, sf);
      return asyncEdit ? [{ title: 'Make the function async and add await', edits: [asyncEdit, edit()] }] : [];
    },
  };
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
    notAwaited: '`{{call}}` returns a Promise, not the body: {{consequence}} Add `await`.',
  },
  create(ctx) {
    return {
      onEnd() {
        for (const read of ctx.facts.bodyReads) {
          if (read.awaitNode) continue;
          const kind = misuseAt(read.call) ?? misuseThroughVariable(read.call);
          if (!kind) continue;
          ctx.report({
            node: read.call,
            messageId: 'notAwaited',
            data: { call: read.call.getText(ctx.sourceFile), consequence: CONSEQUENCE[kind] },
            ...awaitFixes(read, kind, ctx.sourceFile),
          });
        }
      },
    };
  },
});
