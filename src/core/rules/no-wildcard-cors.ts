import { allowsCredentials, originWrites } from '../lint/analysis/cors';
import { defineRule, type FixSpec } from '../lint/rule';

/** Where the trusted origin comes from in the suggested fix (default-deny when it is unset). */
const ORIGIN_FROM_ENV = "process.env.ALLOWED_ORIGIN ?? ''";

/**
 * `Access-Control-Allow-Origin: *` lets every site read the response; with credentials the
 * browser rejects it outright; reflecting the request's Origin unchecked is `*` with cookies.
 */
export default defineRule({
  id: 'no-wildcard-cors',
  meta: {
    description:
      '`Access-Control-Allow-Origin: *` (an error with `Allow-Credentials: true`), or the request `Origin` reflected without an allow-list check.',
    defaultSeverity: 'warning',
    fixable: 'suggestion',
  },
  appliesTo: (s) => s.facts.headerWrites.some((h) => h.name === 'access-control-allow-origin'),
  messages: {
    wildcard:
      "`Access-Control-Allow-Origin: *` lets any website read this response from a visitor's browser (without cookies). Right for public data and bearer-token APIs; for anything else answer only origins you trust.",
    wildcardWithCredentials:
      '`Access-Control-Allow-Origin: *` with `Access-Control-Allow-Credentials: true` is rejected by browsers ("Credential is not supported if the CORS header … is \'*\'"), so credentialed requests fail. Reflect an allow-listed origin instead.',
    reflectedOrigin:
      "The request's `Origin` is echoed into `Access-Control-Allow-Origin` without an allow-list check: every website is allowed{{withCredentials}}. Check it first: `if (ALLOWED_ORIGINS.includes(origin))`.",
  },
  create(ctx) {
    return {
      onEnd() {
        for (const o of originWrites(ctx)) {
          const credentials = allowsCredentials(ctx, o.write.fn);
          const node = o.write.value ?? o.write.node;
          if (o.kind === 'wildcard') {
            const value = o.write.value;
            const suggestions = (): FixSpec[] =>
              value
                ? [
                    {
                      title: 'Answer only the origin in process.env.ALLOWED_ORIGIN',
                      edits: [{ start: value.getStart(), end: value.getEnd(), text: ORIGIN_FROM_ENV }],
                    },
                  ]
                : [];
            ctx.report(
              credentials
                ? { node, messageId: 'wildcardWithCredentials', severity: 'error', suggestions }
                : // Without credentials `*` is what a public or bearer-token API wants (MDN): a note, not a warning.
                  { node, messageId: 'wildcard', severity: 'info' as const, suggestions },
            );
          } else if (o.kind === 'reflected' && !o.checked) {
            ctx.report({
              node,
              messageId: 'reflectedOrigin',
              data: {
                withCredentials: credentials
                  ? ", with cookies: any site can read your users' authenticated responses"
                  : '',
              },
              ...(credentials ? { severity: 'error' as const } : {}),
            });
          }
        }
      },
    };
  },
});
