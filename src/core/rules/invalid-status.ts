import * as ts from 'typescript';
import { isFunctionNode, resolveValue } from '../ast/query';
import type { FileFacts, ResponseSite } from '../lint/facts';
import { defineRule, type FixSpec, type RuleContext } from '../lint/rule';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

function isAbsoluteUrlText(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(text);
}

const messages = {
  outOfRange:
    'Status {{status}} cannot be sent: the Response constructor throws a RangeError for anything but a whole number from 200 to 599, so the client gets a 500.',
  redirectStatus:
    '`{{callee}}.redirect()` only accepts 301, 302, 303, 307 or 308; {{status}} throws a RangeError at runtime.',
  relativeRedirect:
    '`{{callee}}.redirect()` needs an absolute URL: {{url}} throws "URL is malformed" at runtime. Build it from the request: `new URL({{url}}, request.url)`.',
  redirectWithoutLocation:
    'A {{status}} response without a `Location` header redirects nowhere. Use `NextResponse.redirect(new URL(…, request.url), {{status}})`, or add `Location`.',
};

type Ctx = RuleContext<keyof typeof messages>;

/** The name of the request parameter of the function around `node` (its first parameter). */
function requestParamOf(node: ts.Node): string | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (isFunctionNode(n)) {
      const first = n.parameters[0];
      if (first && ts.isIdentifier(first.name)) return first.name.text;
    }
  }
  return undefined;
}

/** The URL argument of a redirect when it is a relative path, with how the message shows it. */
function relativeRedirectUrl(r: ResponseSite, sf: ts.SourceFile): { urlArg: ts.Expression; shown: string } | undefined {
  const urlArg = (r.node as ts.CallExpression).arguments[0];
  if (!urlArg) return undefined;
  const url = resolveValue(urlArg);
  if (ts.isStringLiteral(url) || ts.isNoSubstitutionTemplateLiteral(url))
    return isAbsoluteUrlText(url.text) ? undefined : { urlArg, shown: `'${url.text}'` };
  if (ts.isTemplateExpression(url) && url.head.text.startsWith('/')) return { urlArg, shown: urlArg.getText(sf) };
  return undefined;
}

/** `new URL(path, request.url)`, when the enclosing function names its request parameter. */
function absoluteUrlFix(ctx: Ctx, urlArg: ts.Expression): FixSpec | undefined {
  const req = requestParamOf(urlArg);
  if (!req) return undefined;
  const text = `new URL(${urlArg.getText(ctx.sourceFile)}, ${req}.url)`;
  return { title: `Use ${text}`, edits: [{ ...ctx.doc.spanOf(urlArg), text }] };
}

/** Init headers we cannot see into (a variable, a spread of something else) may hold `Location`. */
function hasUnseenHeaders(init: ts.ObjectLiteralExpression | undefined): boolean {
  const headersProp = init?.properties.find((p) => p.name && (p.name as ts.Identifier).text === 'headers');
  if (headersProp) {
    const value = ts.isPropertyAssignment(headersProp) ? resolveValue(headersProp.initializer) : undefined;
    const inner = value && ts.isNewExpression(value) ? value.arguments?.[0] && resolveValue(value.arguments[0]) : value;
    if (!inner || !ts.isObjectLiteralExpression(inner) || inner.properties.some((p) => ts.isSpreadAssignment(p)))
      return true;
  }
  return !!init?.properties.some((p) => ts.isSpreadAssignment(p));
}

/** A hand-made response with no `Location` header in its init or set on the way. */
function lacksLocation(r: ResponseSite, facts: FileFacts): boolean {
  if (r.headers.some((h) => h.name === 'location') || hasUnseenHeaders(r.initObject)) return false;
  return !facts.headerWrites.some((h) => h.name === 'location' && h.fn === r.fn && h.via !== 'init');
}

/** `redirect(url, status)`: a status redirects do not accept, and a relative URL. */
function checkRedirect(ctx: Ctx, r: ResponseSite): void {
  const status = r.status.value;
  if (status !== undefined && !REDIRECT_STATUSES.has(status))
    ctx.report({ node: r.status.node ?? r.node, messageId: 'redirectStatus', data: { callee: r.callee, status } });
  const relative = relativeRedirectUrl(r, ctx.sourceFile);
  if (!relative) return;
  const fix = absoluteUrlFix(ctx, relative.urlArg);
  const data = { callee: r.callee, url: relative.shown };
  ctx.report({ node: relative.urlArg, messageId: 'relativeRedirect', data, ...(fix ? { fix } : {}) });
}

/** `Response.json(…)` / `new Response(…)`: a status out of range, or a 3xx without `Location`. */
function checkStatus(ctx: Ctx, r: ResponseSite): void {
  const status = r.status.value;
  if (status === undefined) return;
  const at = r.status.node ?? r.node;
  if (!Number.isInteger(status) || status < 200 || status > 599)
    ctx.report({ node: at, messageId: 'outOfRange', data: { status } });
  else if (r.kind === 'constructor' && REDIRECT_STATUSES.has(status) && lacksLocation(r, ctx.facts))
    ctx.report({ node: at, messageId: 'redirectWithoutLocation', data: { status } });
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
  messages,
  create(ctx) {
    return {
      onEnd() {
        for (const r of ctx.facts.responses) {
          if (r.kind === 'redirect') checkRedirect(ctx, r);
          else if (r.kind === 'json' || r.kind === 'constructor') checkStatus(ctx, r);
        }
      },
    };
  },
});
