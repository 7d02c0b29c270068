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
  appliesTo: (s) => s.mentions('ookie'),
  messages: {
    insecure:
      "The `{{name}}` cookie looks like a session/auth cookie but is set without {{missing}}. Set `httpOnly: true` (no script access), `secure` (HTTPS only) and `sameSite: 'lax'` (no cross-site sends).",
  },
  create(ctx) {
    const semiless = (m: Missing): string[] =>
      [m.httpOnly && 'httpOnly', m.secure && 'secure', m.sameSite && 'sameSite'].filter((x): x is string => !!x);
    const props = (m: Missing, q: string): string[] => [
      ...(m.httpOnly ? ['httpOnly: true'] : []),
      ...(m.secure ? [`secure: process.env.NODE_ENV === ${q}production${q}`] : []),
      ...(m.sameSite ? [`sameSite: ${q}lax${q}`] : []),
    ];
    const fixFor = (
      opts: ts.ObjectLiteralExpression | undefined,
      call: ts.CallExpression,
      m: Missing,
    ): FixSpec | undefined => {
      const q = ctx.style.quote;
      const sf = ctx.sourceFile;
      let edits: EditSpec[];
      if (opts) {
        // Replace explicit false values, then add what is absent.
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
        if (opts.properties.length === 0)
          edits = [{ start: opts.getStart(sf), end: opts.end, text: `{ ${add.join(', ')} }` }];
        else {
          const last = opts.properties[opts.properties.length - 1]!;
          const multiline = ctx.text.slice(opts.getStart(sf), opts.end).includes('\n');
          const indent = multiline
            ? ctx.text.slice(ctx.text.lastIndexOf('\n', last.getStart(sf)) + 1, last.getStart(sf))
            : '';
          const sep = multiline ? `,\n${indent}` : ', ';
          edits = [
            ...replace,
            ...(add.length ? [{ start: last.end, end: last.end, text: `${sep}${add.join(sep)}` }] : []),
          ];
        }
      } else {
        const lastArg = call.arguments[call.arguments.length - 1]!;
        edits = [{ start: lastArg.end, end: lastArg.end, text: `, { ${props(m, q).join(', ')}, path: ${q}/${q} }` }];
      }
      return { title: 'Set httpOnly, secure and sameSite', edits };
    };
    return {
      nodes: {
        [ts.SyntaxKind.CallExpression]: (n) => {
          const call = n as ts.CallExpression;
          const callee = unwrap(call.expression);
          if (
            !ts.isPropertyAccessExpression(callee) ||
            callee.name.text !== 'set' ||
            !isCookieWriter(callee.expression)
          )
            return;
          const [first, , third] = call.arguments;
          if (!first) return;
          let name: unknown;
          let opts: ts.ObjectLiteralExpression | undefined;
          const firstValue = resolveValue(first);
          if (ts.isObjectLiteralExpression(firstValue)) {
            name = literalValue(getPropertyValue(firstValue, 'name'));
            opts = firstValue;
          } else {
            name = literalValue(first);
            if (third) {
              const o = resolveValue(third);
              if (!ts.isObjectLiteralExpression(o)) return; // options we cannot see
              opts = o;
            } else if (call.arguments.length < 2) return;
          }
          if (typeof name !== 'string' || !SESSION_NAME.test(name)) return;
          const missing: Missing | undefined = opts
            ? missingFromOptions(opts)
            : { httpOnly: true, secure: true, sameSite: true };
          if (!missing || (!missing.httpOnly && !missing.secure && !missing.sameSite)) return;
          const list = semiless(missing).map((k) => `\`${k}\``);
          const firstObj = ts.isObjectLiteralExpression(firstValue) && firstValue === first ? firstValue : undefined;
          const editable = firstObj ?? (opts && third && unwrap(third) === opts ? opts : undefined);
          const fixable = editable !== undefined || !opts;
          ctx.report({
            node: first,
            messageId: 'insecure',
            data: {
              name,
              missing: list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}` : list[0]!,
            },
            ...(fixable ? { fix: () => fixFor(editable, call, missing) } : {}),
          });
        },
      },
      onEnd() {
        for (const h of ctx.facts.headerWrites) {
          if (h.name !== 'set-cookie' || h.valueText === undefined) continue;
          const cookieName = h.valueText.split('=')[0]!.trim();
          if (!SESSION_NAME.test(cookieName)) continue;
          const attrs = h.valueText.toLowerCase();
          const m: Missing = {
            httpOnly: !/;\s*httponly/.test(attrs),
            secure: !/;\s*secure/.test(attrs),
            sameSite: !/;\s*samesite=/.test(attrs),
          };
          if (!m.httpOnly && !m.secure && !m.sameSite) continue;
          const list = semiless(m).map((k) => `\`${k}\``);
          ctx.report({
            node: h.value ?? h.node,
            messageId: 'insecure',
            data: { name: cookieName, missing: list.join(', ') },
          });
        }
      },
    };
  },
});
