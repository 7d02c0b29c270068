import { HTTP_METHODS } from '../nextjs/httpMethods';
import { quote } from '../lint/fixes';
import { defineRule, type FixSpec } from '../lint/rule';

const PREFLIGHT_HEADERS = [
  'access-control-allow-origin',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-allow-credentials',
  'access-control-max-age',
];
const CANONICAL: Record<string, string> = {
  'access-control-allow-origin': 'Access-Control-Allow-Origin',
  'access-control-allow-methods': 'Access-Control-Allow-Methods',
  'access-control-allow-headers': 'Access-Control-Allow-Headers',
  'access-control-allow-credentials': 'Access-Control-Allow-Credentials',
  'access-control-max-age': 'Access-Control-Max-Age',
  vary: 'Vary',
};

/**
 * Next.js answers OPTIONS by itself when you don't export it — with 204 and `Allow`, but no
 * CORS headers — so browsers' preflights for JSON POSTs, custom headers or credentials fail.
 */
export default defineRule({
  id: 'cors-missing-options',
  meta: {
    description:
      "CORS headers set by a handler but no `OPTIONS` export: Next.js's automatic OPTIONS answers preflights without CORS headers.",
    defaultSeverity: 'info',
    fixable: 'safe',
  },
  appliesTo: (s) => s.facts.headerWrites.some((h) => h.name.startsWith('access-control-')),
  messages: {
    missingOptions:
      'This route sets CORS headers but exports no `OPTIONS` handler. Next.js answers preflight requests itself with no CORS headers, so browsers block non-simple cross-origin requests (JSON bodies, `Authorization`). Export an `OPTIONS` handler that sends them.',
  },
  create(ctx) {
    return {
      onEnd() {
        if (ctx.exports.some((e) => e.name === 'OPTIONS' || e.form === 'star')) return;
        const cors = ctx.facts.headerWrites.filter((h) => h.name.startsWith('access-control-'));
        const first = cors[0];
        if (!first) return;
        // A safe fix only when every CORS header the handlers send is a fixed value we can copy.
        const buildFix = (): FixSpec | undefined => {
          const preflight = ctx.facts.headerWrites.filter((h) => PREFLIGHT_HEADERS.includes(h.name));
          if (!preflight.every((h) => h.valueText !== undefined)) return undefined;
          const values = new Map<string, string>();
          for (const h of preflight) if (!values.has(h.name)) values.set(h.name, h.valueText!);
          if (!values.has('access-control-allow-methods')) {
            const methods = HTTP_METHODS.filter((m) => m === 'OPTIONS' || ctx.handlers.some((h) => h.method === m));
            values.set('access-control-allow-methods', methods.join(', '));
          }
          const u = ctx.style.indentUnit;
          const semi = ctx.style.semicolons ? ';' : '';
          const lines = [...values].map(
            ([k, v]) => `${u}${u}${u}${quote(ctx.style, CANONICAL[k] ?? k)}: ${quote(ctx.style, v)},`,
          );
          const text =
            `\n\nexport async function OPTIONS() {\n` +
            `${u}return new Response(null, {\n` +
            `${u}${u}status: 204,\n` +
            `${u}${u}headers: {\n${lines.join('\n')}\n${u}${u}},\n` +
            `${u}})${semi}\n}\n`;
          const end = ctx.text.replace(/\s+$/, '').length;
          return {
            title: 'Add an OPTIONS handler answering preflights with the same CORS headers',
            edits: [{ start: end, end: ctx.text.length, text }],
          };
        };
        ctx.report({ node: first.nameNode, messageId: 'missingOptions', fix: buildFix });
      },
    };
  },
});
