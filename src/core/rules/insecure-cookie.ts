import * as ts from 'typescript';
import { importedNameFrom } from '../ast/imports';
import { findDeclaration, getProperty, getPropertyValue, literalValue, resolveValue, unwrap } from '../ast/query';
import { defineRule, type EditSpec, type FixSpec } from '../lint/rule';
import { isRequestExpression } from '../nextjs/requestReads';

const SESSION_NAME = /(session|sess|sid|auth|token|jwt|refresh|remember|login|access|credential|csrf|xsrf)/i;

function isCookieWriter(expr: ts.Expression): boolean {
  let e = unwrap(expr);
  if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  if (ts.isPropertyAccessExpression(e)) return e.name.text === 'cookies' && !isRequestExpression(e.expression);
  if (ts.isCallExpression(e) && ts.isIdentifier(e.expression))
    return importedNameFrom(e.expression, 'next/headers') === 'cookies';
  if (ts.isIdentifier(e)) {
    const decl = findDeclaration(e.text, e);
    return !!decl && ts.isVariableDeclaration(decl) && !!decl.initializer && isCookieWriter(decl.initializer);
  }
  return false;
}

interface Missing {
  httpOnly: boolean;
  secure: boolean;
  sameSite: boolean;
}

function missingFromOptions(opts: ts.ObjectLiteralExpression): Missing | undefined {
  if (opts.properties.some((p) => ts.isSpreadAssignment(p))) return undefined;
  const httpOnly = getPropertyValue(opts, 'httpOnly');
  const secure = getPropertyValue(opts, 'secure');
  const sameSite = getPropertyValue(opts, 'sameSite');
  const sameSiteNone = sameSite && /^none$/i.test(String(literalValue(sameSite)));
  return {
    httpOnly: !httpOnly || literalValue(httpOnly) === false,
    secure: !secure || literalValue(secure) === false || (!!sameSiteNone && literalValue(secure) !== true),
    sameSite: !sameSite,
  };
}

function anyMissing(m: Missing): boolean {
  return m.httpOnly || m.secure || m.sameSite;
}

/** What a `Set-Cookie` header value lacks. */
function missingFromHeader(value: string): Missing {
  const attrs = value.toLowerCase();
  return {
    httpOnly: !/;\s*httponly/.test(attrs),
    secure: !/;\s*secure/.test(attrs),
    sameSite: !/;\s*samesite=/.test(attrs),
  };
}

/** A `cookies.set(…)` of a session-like cookie, with what its options lack. */
interface CookieSet {
  readonly call: ts.CallExpression;
  readonly first: ts.Expression;
  readonly name: string;
  readonly missing: Missing;
  /** The options object as written in the call (the one a fix edits), if any. */
  readonly editable: ts.ObjectLiteralExpression | undefined;
  /** Whether a fix can be written: the options are in the call, or there are none. */
  readonly fixable: boolean;
}

interface CookieSetArguments {
  readonly first: ts.Expression;
  readonly name: unknown;
  readonly opts?: ts.ObjectLiteralExpression;
  readonly editable?: ts.ObjectLiteralExpression;
}

/** `set({ name, … })` or `set(name, value, options?)`: the name and options we can see. */
function cookieSetArguments(call: ts.CallExpression): CookieSetArguments | undefined {
  const [first, , third] = call.arguments;
  if (!first) return undefined;
  const firstValue = resolveValue(first);
  if (ts.isObjectLiteralExpression(firstValue)) {
    const editable = firstValue === first ? firstValue : undefined;
    return { first, name: literalValue(getPropertyValue(firstValue, 'name')), opts: firstValue, editable };
  }
  if (!third) return call.arguments.length < 2 ? undefined : { first, name: literalValue(first) };
  const opts = resolveValue(third);
  if (!ts.isObjectLiteralExpression(opts)) return undefined; // options we cannot see
  return { first, name: literalValue(first), opts, editable: unwrap(third) === opts ? opts : undefined };
}

function cookieSet(call: ts.CallExpression): CookieSet | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'set' || !isCookieWriter(callee.expression))
    return undefined;
  const args = cookieSetArguments(call);
  if (!args || typeof args.name !== 'string' || !SESSION_NAME.test(args.name)) return undefined;
  const missing = args.opts ? missingFromOptions(args.opts) : { httpOnly: true, secure: true, sameSite: true };
  if (!missing || !anyMissing(missing)) return undefined;
  const { first, name, editable } = args;
  return { call, first, name, missing, editable, fixable: !!editable || !args.opts };
}

/** The missing attributes, as the message lists them. */
function missingNames(m: Missing): string[] {
  return [m.httpOnly && 'httpOnly', m.secure && 'secure', m.sameSite && 'sameSite']
    .filter((x): x is string => !!x)
    .map((k) => `\`${k}\``);
}

function andList(list: readonly string[]): string {
  return list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}` : list[0]!;
}

/** Appends properties after the last one, on new lines when the object is written over several. */
function appendProperties(opts: ts.ObjectLiteralExpression, add: readonly string[], sf: ts.SourceFile): EditSpec[] {
  if (add.length === 0) return [];
  const last = opts.properties[opts.properties.length - 1]!;
  const multiline = sf.text.slice(opts.getStart(sf), opts.end).includes('\n');
  const indent = multiline ? sf.text.slice(sf.text.lastIndexOf('\n', last.getStart(sf)) + 1, last.getStart(sf)) : '';
  const sep = multiline ? `,\n${indent}` : ', ';
  return [{ start: last.end, end: last.end, text: `${sep}${add.join(sep)}` }];
}

/** Replaces explicit false values in the options, then adds what is absent. */
function optionsEdits(opts: ts.ObjectLiteralExpression, m: Missing, sf: ts.SourceFile, q: string): EditSpec[] {
  const replace: EditSpec[] = [];
  const add: string[] = [];
  // Browsers drop a `SameSite=None` cookie that is not `Secure`, in development too.
  const sameSiteValue = getPropertyValue(opts, 'sameSite');
  const sameSiteNone = !!sameSiteValue && /^none$/i.test(String(literalValue(sameSiteValue)));
  const secureText = sameSiteNone ? 'secure: true' : `secure: process.env.NODE_ENV === ${q}production${q}`;
  for (const [key, text] of [
    ['httpOnly', 'httpOnly: true'],
    ['secure', secureText],
  ] as const) {
    if (!m[key]) continue;
    const prop = getProperty(opts, key);
    if (prop && ts.isPropertyAssignment(prop)) replace.push({ start: prop.getStart(sf), end: prop.end, text });
    else add.push(text);
  }
  if (m.sameSite) add.push(`sameSite: ${q}lax${q}`);
  if (opts.properties.length === 0) return [{ start: opts.getStart(sf), end: opts.end, text: `{ ${add.join(', ')} }` }];
  return [...replace, ...appendProperties(opts, add, sf)];
}

/** A new options argument for `set(name, value)`. */
function newOptionsEdit(call: ts.CallExpression, m: Missing, q: string): EditSpec {
  const props = [
    ...(m.httpOnly ? ['httpOnly: true'] : []),
    ...(m.secure ? [`secure: process.env.NODE_ENV === ${q}production${q}`] : []),
    ...(m.sameSite ? [`sameSite: ${q}lax${q}`] : []),
  ];
  const lastArg = call.arguments[call.arguments.length - 1]!;
  return { start: lastArg.end, end: lastArg.end, text: `, { ${props.join(', ')}, path: ${q}/${q} }` };
}

function cookieFix(set: CookieSet, sf: ts.SourceFile, q: string): FixSpec {
  const edits = set.editable
    ? optionsEdits(set.editable, set.missing, sf, q)
    : [newOptionsEdit(set.call, set.missing, q)];
  return { title: 'Set httpOnly, secure and sameSite', edits };
}

/**
 * A session cookie without HttpOnly is readable by any injected script; without Secure it
 * travels over plain HTTP; without SameSite it rides along on cross-site requests (CSRF).
 */
export default defineRule({
  id: 'insecure-cookie',
  meta: {
    description: 'A session/auth cookie set without `httpOnly`, `secure` and `sameSite`.',
    defaultSeverity: 'warning',
    fixable: 'safe',
  },
  messages: {
    insecure:
      "The `{{name}}` cookie looks like a session/auth cookie but is set without {{missing}}. Set `httpOnly: true` (no script access), `secure` (HTTPS only) and `sameSite: 'lax'` (no cross-site sends).",
  },
  create(ctx) {
    return {
      nodes: {
        [ts.SyntaxKind.CallExpression]: (n) => {
          const set = cookieSet(n as ts.CallExpression);
          if (!set) return;
          ctx.report({
            node: set.first,
            messageId: 'insecure',
            data: { name: set.name, missing: andList(missingNames(set.missing)) },
            ...(set.fixable ? { fix: () => cookieFix(set, ctx.sourceFile, ctx.style.quote) } : {}),
          });
        },
      },
      onEnd() {
        for (const h of ctx.facts.headerWrites) {
          if (h.name !== 'set-cookie' || h.valueText === undefined) continue;
          const cookieName = h.valueText.split('=')[0]!.trim();
          const missing = missingFromHeader(h.valueText);
          if (!SESSION_NAME.test(cookieName) || !anyMissing(missing)) continue;
          const data = { name: cookieName, missing: missingNames(missing).join(', ') };
          ctx.report({ node: h.value ?? h.node, messageId: 'insecure', data });
        }
      },
    };
  },
});
