import * as ts from 'typescript';
import { findDeclaration, isConstDeclaration, isFunctionNode, nameText, resolveValue, unwrap } from '../ast/query';
import { jsonBodyOf } from '../lint/analysis/responses';
import { defineRule } from '../lint/rule';

/** Keys that never belong in a response. */
const ALWAYS_SECRET =
  /^(password|passwd|pwd|passwordHash|password_hash|hashedPassword|hashed_password|passwordDigest|password_digest|hash|salt|privateKey|private_key|mfaSecret|totpSecret|otpSecret|recoveryCodes|resetToken|reset_token|verificationToken|ssn|cvv|cardNumber)$/i;
/**
 * Keys that are credentials, legitimately returned only by routes that issue them (sign-in,
 * token, key or secret creation and rotation): a rotated webhook secret is shown once.
 */
const CREDENTIAL =
  /^(authorization|token|accessToken|access_token|refreshToken|refresh_token|idToken|id_token|sessionToken|session_token|jwt|apiKey|api_key|apiSecret|secret|clientSecret|client_secret|secretKey|secret_key)$/i;
const ISSUING_ROUTE =
  /(login|log-in|signin|sign-in|signup|sign-up|register|token|oauth|auth|session|refresh|callback|keys?|credentials|secrets?|rotate)/i;

/** A value that is a flag or a count about the field, not the field: `!!token`, `token != null`, `typeof x`. */
function isDerivedFlag(value: ts.Expression): boolean {
  if (ts.isPrefixUnaryExpression(value)) return value.operator === ts.SyntaxKind.ExclamationToken;
  if (ts.isTypeOfExpression(value)) return true;
  if (ts.isBinaryExpression(value)) {
    const op = value.operatorToken.kind;
    return op >= ts.SyntaxKind.LessThanToken && op <= ts.SyntaxKind.ExclamationEqualsEqualsToken;
  }
  return ts.isCallExpression(value) && ts.isIdentifier(value.expression) && value.expression.text === 'Boolean';
}

const USER_TABLE = /^(users?|accounts?|members?|customers?|admins?|employees?|profiles?)$/i;
const READ_OR_WRITE = /^(find\w*|get\w*|fetch\w*|create|update|upsert|insert\w*|save)$/;
const PROJECTION = new Set(['select', 'omit', 'projection', 'attributes', 'columns', 'fields', 'exclude']);

/** `await db.users.findById(id)`, `await prisma.user.findUnique({ where })` without select/omit. */
function isWholeUserRowCall(expr: ts.Expression): boolean {
  let e = unwrap(expr);
  if (!ts.isAwaitExpression(e)) return false;
  e = unwrap(e.expression);
  if (!ts.isCallExpression(e)) return false;
  const callee = unwrap(e.expression);
  if (!ts.isPropertyAccessExpression(callee) || !READ_OR_WRITE.test(callee.name.text)) return false;
  const table = unwrap(callee.expression);
  const tableName = ts.isPropertyAccessExpression(table)
    ? table.name.text
    : ts.isIdentifier(table)
      ? table.text
      : undefined;
  if (!tableName || !USER_TABLE.test(tableName)) return false;
  for (const arg of e.arguments) {
    const a = resolveValue(arg);
    if (ts.isObjectLiteralExpression(a) && a.properties.some((p) => PROJECTION.has(nameText(p.name) ?? '')))
      return false;
  }
  // `.select(...)`-style query builders
  return !/\.select\(|\.project\(/.test(e.getText());
}

interface Finding {
  readonly node: ts.Node;
  readonly messageId: 'sensitiveKey' | 'credentialKey' | 'wholeUserRow';
  readonly data: Readonly<Record<string, string>>;
  readonly severity?: 'info';
}

/** What the body walk needs to know: the file, and whether this route issues credentials. */
interface Scan {
  readonly sf: ts.SourceFile;
  readonly issuing: boolean;
}

/** A value that removes the field (`password: undefined`) or is a flag/count about it (`secret: false`), not the secret. */
function isRemovedOrFlag(value: ts.Expression): boolean {
  return (
    value.kind === ts.SyntaxKind.NullKeyword ||
    value.kind === ts.SyntaxKind.TrueKeyword ||
    value.kind === ts.SyntaxKind.FalseKeyword ||
    ts.isNumericLiteral(value) ||
    value.kind === ts.SyntaxKind.UndefinedKeyword ||
    (ts.isIdentifier(value) && value.text === 'undefined') ||
    isDerivedFlag(value)
  );
}

/** A secret or credential key in a response object, unless its value is removed or a flag. */
function keyFinding(p: ts.PropertyAssignment | ts.ShorthandPropertyAssignment, key: string, scan: Scan): Finding[] {
  const value = ts.isPropertyAssignment(p) ? unwrap(p.initializer) : undefined;
  if (value && isRemovedOrFlag(value)) return [];
  if (ALWAYS_SECRET.test(key)) return [{ node: p.name, messageId: 'sensitiveKey', data: { key } }];
  if (CREDENTIAL.test(key) && !scan.issuing) return [{ node: p.name, messageId: 'credentialKey', data: { key } }];
  return [];
}

function objectFindings(obj: ts.ObjectLiteralExpression, depth: number, scan: Scan): Finding[] {
  return obj.properties.flatMap((p) => {
    const key = nameText(p.name);
    if (!key || !(ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p))) return [];
    const valueNode = ts.isPropertyAssignment(p) ? p.initializer : p.name;
    return [...keyFinding(p, key, scan), ...valueFindings(valueNode, depth + 1, scan)];
  });
}

/** What a response body (or a part of it, up to 3 levels down) leaks. */
function valueFindings(expr: ts.Expression, depth: number, scan: Scan): Finding[] {
  if (depth > 3) return [];
  const e = unwrap(expr);
  if (ts.isObjectLiteralExpression(e)) return objectFindings(e, depth, scan);
  if (ts.isArrayLiteralExpression(e)) return e.elements.flatMap((el) => valueFindings(el, depth + 1, scan));
  if (!ts.isIdentifier(e)) return [];
  const decl = findDeclaration(e.text, e);
  if (!decl || !ts.isVariableDeclaration(decl) || !isConstDeclaration(decl) || !decl.initializer) return [];
  const init = unwrap(decl.initializer);
  if (ts.isObjectLiteralExpression(init)) return objectFindings(init, depth, scan);
  return isWholeUserRowCall(init) ? wholeRowFinding(e, decl, init as ts.AwaitExpression, scan.sf) : [];
}

/**
 * `const user = await db.users.findById(id)` sent as is. The row's columns are not visible here
 * (a Prisma client may `omit` the hash for every query): a note to check, not a warning. See
 * docs/precision.md.
 */
function wholeRowFinding(
  id: ts.Identifier,
  decl: ts.VariableDeclaration,
  init: ts.AwaitExpression,
  sf: ts.SourceFile,
): Finding[] {
  let fn: ts.Node | undefined = decl;
  while (fn && !isFunctionNode(fn)) fn = fn.parent;
  if (fn && hasDeleteOf(id.text, fn, sf)) return [];
  const call = unwrap(init.expression) as ts.CallExpression;
  const table = unwrap(call.expression) as ts.PropertyAccessExpression;
  const data = { name: id.text, table: table.expression.getText(sf) };
  return [{ node: id, severity: 'info', messageId: 'wholeUserRow', data }];
}

/** Whether `fn` deletes a field of `name` (`delete user.password`): the row is sanitized before it is sent. */
function hasDeleteOf(name: string, fn: ts.Node, sf: ts.SourceFile): boolean {
  let found = false;
  const walk = (n: ts.Node): void => {
    if (found) return;
    if (ts.isDeleteExpression(n) && n.expression.getText(sf).startsWith(`${name}.`)) found = true;
    ts.forEachChild(n, walk);
  };
  walk(fn);
  return found;
}

/**
 * Responses leak what they include. Password hashes and salts enable offline cracking; secrets
 * and tokens hand over access; a whole user row carries all of them.
 */
export default defineRule({
  id: 'no-sensitive-response',
  meta: {
    description:
      'A response body with `password`, `passwordHash`, `hash`, `salt`, `secret`, token-like keys, or a whole user row.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  messages: {
    sensitiveKey:
      'The response includes `{{key}}`. Never send passwords, hashes, salts or secrets to the client: remove the field (or select only the fields the client needs).',
    credentialKey:
      'The response includes the credential `{{key}}` from a route that does not issue credentials. Send only what the client needs; keep tokens in httpOnly cookies.',
    wholeUserRow:
      '`{{name}}` is a whole row from `{{table}}`, which usually holds the password hash and tokens. Select the fields to return (`select: { id: true, name: true }`) or map it to a safe object.',
  },
  create(ctx) {
    const scan: Scan = { sf: ctx.sourceFile, issuing: ISSUING_ROUTE.test(ctx.route?.pathname ?? '') };
    return {
      onEnd() {
        for (const r of ctx.facts.responses) {
          const body = jsonBodyOf(r);
          if (body) valueFindings(body, 0, scan).forEach((finding) => ctx.report(finding));
        }
      },
    };
  },
});
