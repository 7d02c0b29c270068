/** CORS header analysis shared by the CORS rules: how each handler sets Access-Control-*. */
import * as ts from 'typescript';
import { findDeclaration, resolveValue, scopeOf, unwrap, type FunctionNode } from '../../ast/query';
import type { HeaderWrite } from '../facts';
import { isCheckedInConditions } from '../helpers';
import type { RuleContext } from '../rule';

export type OriginKind = 'wildcard' | 'fixed' | 'reflected' | 'dynamic';

export interface OriginWrite {
  readonly write: HeaderWrite;
  readonly kind: OriginKind;
  /** For reflected origins: the variable holding the request origin, if any. */
  readonly originVar?: string;
  /** For reflected origins: an allow-list check guards it. */
  readonly checked: boolean;
}

/** `request.headers.get('origin')`, `(await headers()).get('Origin')`, `req.headers.get("origin") ?? ''`. */
export function isRequestOrigin(expr: ts.Expression): boolean {
  let e = unwrap(expr);
  if (
    ts.isBinaryExpression(e) &&
    (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)
  )
    e = unwrap(e.left);
  if (!ts.isCallExpression(e)) return false;
  const callee = unwrap(e.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'get') return false;
  const arg = e.arguments[0];
  return (
    !!arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) && arg.text.toLowerCase() === 'origin'
  );
}

export function classifyOrigin(write: HeaderWrite): OriginWrite {
  if (write.valueText !== undefined)
    return { write, kind: write.valueText.trim() === '*' ? 'wildcard' : 'fixed', checked: true };
  if (!write.value) return { write, kind: 'dynamic', checked: true };
  const value = unwrap(write.value);
  if (isRequestOrigin(value)) {
    return { write, kind: 'reflected', checked: false };
  }
  if (ts.isIdentifier(value)) {
    const decl = findDeclaration(value.text, value);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer && isRequestOrigin(decl.initializer)) {
      return {
        write,
        kind: 'reflected',
        originVar: value.text,
        checked: isCheckedInConditions(scopeOf(decl), value.text, { orIsCheck: false, receiverTests: true }),
      };
    }
    // A parameter (`function cors(origin)`): the caller decides; treat as checked unless we can see otherwise.
    const resolved = resolveValue(value);
    if (resolved !== value && (ts.isStringLiteral(resolved) || ts.isNoSubstitutionTemplateLiteral(resolved))) {
      return { write, kind: resolved.text.trim() === '*' ? 'wildcard' : 'fixed', checked: true };
    }
  }
  if (isConfiguredValue(value)) return { write, kind: 'fixed', checked: true };
  return { write, kind: 'dynamic', checked: true };
}

/**
 * A value set by configuration, the same for every request: `process.env.ALLOWED_ORIGIN`,
 * with literal or other configured fallbacks (`?? ''`, `|| 'https://a.example'`) and `!`.
 */
function isConfiguredValue(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (ts.isNonNullExpression(e)) return isConfiguredValue(e.expression);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return true;
  if (
    ts.isBinaryExpression(e) &&
    (e.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || e.operatorToken.kind === ts.SyntaxKind.BarBarToken)
  ) {
    return isConfiguredValue(e.left) && isConfiguredValue(e.right);
  }
  const env = ts.isPropertyAccessExpression(e)
    ? unwrap(e.expression)
    : ts.isElementAccessExpression(e)
      ? unwrap(e.expression)
      : undefined;
  return (
    !!env &&
    ts.isPropertyAccessExpression(env) &&
    env.name.text === 'env' &&
    ts.isIdentifier(env.expression) &&
    env.expression.text === 'process'
  );
}

export function originWrites<M extends string>(ctx: RuleContext<M>): readonly OriginWrite[] {
  return ctx.doc.memo('analysis:originWrites', () =>
    ctx.facts.headerWrites
      .filter((h) => h.name === 'access-control-allow-origin' && !h.onHeadersInstance)
      .map(classifyOrigin),
  );
}

export function writesIn<M extends string>(
  ctx: RuleContext<M>,
  fn: FunctionNode | undefined,
  name: string,
): HeaderWrite[] {
  return ctx.facts.headerWrites.filter((h) => h.fn === fn && h.name === name && !h.onHeadersInstance);
}

/**
 * Headers of the object a bracket assignment writes to: `const cors = { Vary: 'Origin' }` then
 * `cors['Access-Control-Allow-Origin'] = origin` — the entries of its initializer, and other
 * assignments to it.
 */
export function writesOnTarget<M extends string>(ctx: RuleContext<M>, write: HeaderWrite, name: string): HeaderWrite[] {
  const target = write.target;
  if (!target || !ts.isIdentifier(target)) return [];
  const decl = findDeclaration(target.text, target);
  const init = decl && ts.isVariableDeclaration(decl) ? decl.initializer : undefined;
  return ctx.facts.headerWrites.filter(
    (h) =>
      h.name === name &&
      ((init && h.node.pos >= init.pos && h.node.end <= init.end) ||
        (h.target && ts.isIdentifier(h.target) && h.target.text === target.text)),
  );
}

export function allowsCredentials<M extends string>(ctx: RuleContext<M>, fn: FunctionNode | undefined): boolean {
  return writesIn(ctx, fn, 'access-control-allow-credentials').some(
    (h) =>
      h.valueText?.trim().toLowerCase() === 'true' || (h.value && unwrap(h.value).kind === ts.SyntaxKind.TrueKeyword),
  );
}
