import * as ts from 'typescript';
import { isFunctionNode, resolveValue } from '../ast/query';
import { defineRule, type FixSpec } from '../lint/rule';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function isAbsoluteUrlText(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(text);
}

/**
 * Statuses the Fetch standard or Next.js reject at runtime (docs/nextjs-behaviour.md, "Response statuses"):
 * outside 200–599 → RangeError; redirects need an absolute URL and a redirect status;
 * a hand-made redirect without `Location` redirects nowhere.
 */
export default defineRule({
  id: 'invalid-status',
  meta: {
    description:
      'A status outside 200–599 or not an integer; a redirect with a relative URL or a non-redirect status; a hand-made 3xx without `Location`.',
    defaultSeverity: 'error',
    fixable: 'safe',
  },
  appliesTo: (s) => s.facts.responses.length > 0,
  messages: {
    outOfRange:
      'Status {{status}} cannot be sent: the Response constructor throws a RangeError for anything but a whole number from 200 to 599, so the client gets a 500.',
    redirectStatus:
      '`{{callee}}.redirect()` only accepts 301, 302, 303, 307 or 308; {{status}} throws a RangeError at runtime.',
    relativeRedirect:
      '`{{callee}}.redirect()` needs an absolute URL: {{url}} throws "URL is malformed" at runtime. Build it from the request: `new URL({{url}}, request.url)`.',
    redirectWithoutLocation:
      'A {{status}} response without a `Location` header redirects nowhere. Use `NextResponse.redirect(new URL(…, request.url), {{status}})`, or add `Location`.',
  },
  create(ctx) {
    const requestParamOf = (node: ts.Node): string | undefined => {
      for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
        if (isFunctionNode(n)) {
          const first = n.parameters[0];
          if (first && ts.isIdentifier(first.name)) return first.name.text;
        }
      }
      return undefined;
    };
    return {
      onEnd() {
        for (const r of ctx.facts.responses) {
          const status = r.status.value;
          if (r.kind === 'redirect') {
            if (status !== undefined && !REDIRECT_STATUSES.has(status)) {
              ctx.report({
                node: r.status.node ?? r.node,
                messageId: 'redirectStatus',
                data: { callee: r.callee, status },
              });
            }
            const urlArg = (r.node as ts.CallExpression).arguments[0];
            if (!urlArg) continue;
            const url = resolveValue(urlArg);
            let relative: string | undefined;
            if ((ts.isStringLiteral(url) || ts.isNoSubstitutionTemplateLiteral(url)) && !isAbsoluteUrlText(url.text))
              relative = url.text;
            else if (ts.isTemplateExpression(url) && url.head.text.startsWith('/'))
              relative = url.getText(ctx.sourceFile);
            if (relative === undefined) continue;
            const req = requestParamOf(r.node);
            const argText = urlArg.getText(ctx.sourceFile);
            const fix: FixSpec | undefined = req
              ? {
                  title: `Use new URL(${argText}, ${req}.url)`,
                  edits: [{ ...ctx.doc.spanOf(urlArg), text: `new URL(${argText}, ${req}.url)` }],
                }
              : undefined;
            ctx.report({
              node: urlArg,
              messageId: 'relativeRedirect',
              data: {
                callee: r.callee,
                url: ts.isStringLiteral(url) || ts.isNoSubstitutionTemplateLiteral(url) ? `'${url.text}'` : argText,
              },
              ...(fix ? { fix } : {}),
            });
            continue;
          }
          if (r.kind !== 'json' && r.kind !== 'constructor') continue;
          if (status !== undefined && (!Number.isInteger(status) || status < 200 || status > 599)) {
            ctx.report({ node: r.status.node ?? r.node, messageId: 'outOfRange', data: { status } });
            continue;
          }
          if (r.kind === 'constructor' && status !== undefined && REDIRECT_STATUSES.has(status)) {
            if (r.headers.some((h) => h.name === 'location')) continue;
            // Headers we cannot see (a variable, a spread of something else) may hold Location.
            const headersProp = r.initObject?.properties.find(
              (p) => p.name && (p.name as ts.Identifier).text === 'headers',
            );
            if (headersProp) {
              const value = ts.isPropertyAssignment(headersProp) ? resolveValue(headersProp.initializer) : undefined;
              const inner =
                value && ts.isNewExpression(value) ? value.arguments?.[0] && resolveValue(value.arguments[0]) : value;
              if (
                !inner ||
                !ts.isObjectLiteralExpression(inner) ||
                inner.properties.some((p) => ts.isSpreadAssignment(p))
              )
                continue;
            }
            if (r.initObject?.properties.some((p) => ts.isSpreadAssignment(p))) continue;
            if (ctx.facts.headerWrites.some((h) => h.name === 'location' && h.fn === r.fn && h.via !== 'init'))
              continue;
            ctx.report({ node: r.status.node ?? r.node, messageId: 'redirectWithoutLocation', data: { status } });
          }
        }
      },
    };
  },
});
