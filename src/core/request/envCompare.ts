/**
 * A request header the handler checks against an env var, e.g.
 * `req.headers.get('x-api-key') !== process.env.API_KEY` or
 * `authorization === \`Bearer ${process.env.CRON_SECRET}\``: the value to send is then
 * `{{$dotenv API_KEY}}` (resolved from the app's env files at send time, never written out).
 */
import * as ts from 'typescript';
import { unwrap } from '../ast/query';
import { holderOf, referencesOf, storedIn } from './flow';
import { dotenvVariable } from './model';

const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/** `process.env.NAME` / `process.env['NAME']` → NAME. */
function envName(expr: ts.Expression): string | undefined {
  const e = unwrap(expr);
  let object: ts.Expression;
  let name: string | undefined;
  if (ts.isPropertyAccessExpression(e)) {
    object = e.expression;
    name = e.name.text;
  } else if (ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression)) {
    object = e.expression;
    name = e.argumentExpression.text;
  } else return undefined;
  const o = unwrap(object);
  const isProcessEnv =
    ts.isPropertyAccessExpression(o) &&
    o.name.text === 'env' &&
    ts.isIdentifier(o.expression) &&
    o.expression.text === 'process';
  return isProcessEnv ? name : undefined;
}

/** The value to send for an expression compared with the header: `{{$dotenv NAME}}`, or a template around it. */
function valueFor(expr: ts.Expression): string | undefined {
  const e = unwrap(expr);
  const name = envName(e);
  if (name) return `{{${dotenvVariable(name)}}}`;
  if (!ts.isTemplateExpression(e)) return undefined;
  let out = e.head.text;
  for (const span of e.templateSpans) {
    const inner = envName(span.expression);
    if (!inner) return undefined;
    out += `{{${dotenvVariable(inner)}}}${span.literal.text}`;
  }
  return out;
}

/** What `node` (a header value) is compared with, when that is an env var. */
function comparedWith(node: ts.Node): string | undefined {
  const holder = holderOf(node);
  const p = holder.parent;
  if (p && ts.isBinaryExpression(p) && EQUALITY.has(p.operatorToken.kind))
    return valueFor(p.left === holder ? p.right : p.left);
  return undefined;
}

/** For a `headers.get('x')` call: `{{$dotenv NAME}}` when its value is compared with `process.env.NAME`. */
export function headerEnvValue(call: ts.CallExpression): string | undefined {
  const direct = comparedWith(call);
  if (direct) return direct;
  const decl = storedIn(holderOf(call));
  if (!decl) return undefined;
  for (const ref of referencesOf(decl)) {
    const value = comparedWith(ref);
    if (value) return value;
  }
  return undefined;
}
