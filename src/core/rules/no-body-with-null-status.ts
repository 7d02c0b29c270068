import { defineRule } from '../lint/rule';

const NULL_BODY_STATUSES = new Set([204, 205, 304]);

/**
 * The Fetch standard forbids a body with a "null body status"; `Response.json(x, { status: 204 })`
 * throws `TypeError: Response constructor: Invalid response status code 204` inside the
 * handler and the client gets a 500 (docs/nextjs-behaviour.md, "Response statuses";
 * https://github.com/nodejs/undici/issues/1102, https://github.com/vercel/next.js/issues/68990).
 */
export default defineRule({
  id: 'no-body-with-null-status',
  meta: {
    description: 'A body sent with status 204, 205 or 304, which throws at runtime.',
    defaultSeverity: 'error',
    fixable: 'safe',
  },
  appliesTo: (s) => s.facts.responses.length > 0,
  messages: {
    jsonWithNullStatus:
      '`{{callee}}.json()` with status {{status}} throws at runtime ("Invalid response status code {{status}}") and the client gets a 500. A {{status}} response has no body: use `new {{callee}}(null, { status: {{status}} })`.',
    bodyWithNullStatus:
      'A {{status}} response cannot have a body: this constructor throws at runtime and the client gets a 500. Pass `null` as the body.',
  },
  create(ctx) {
    return {
      onEnd() {
        for (const r of ctx.facts.responses) {
          const status = r.status.value;
          if (status === undefined || !NULL_BODY_STATUSES.has(status)) continue;
          if (r.kind === 'json') {
            const initText = r.init ? r.init.getText(ctx.sourceFile) : `{ status: ${status} }`;
            ctx.report({
              node: r.node,
              messageId: 'jsonWithNullStatus',
              data: { callee: r.callee, status },
              fix: {
                title: `Answer ${status} with no body: new ${r.callee}(null, …)`,
                edits: [{ ...ctx.doc.spanOf(r.node), text: `new ${r.callee}(null, ${initText})` }],
              },
            });
          } else if (r.kind === 'constructor' && !r.bodyIsNull && r.body) {
            ctx.report({
              node: r.body,
              messageId: 'bodyWithNullStatus',
              data: { status },
              fix: { title: 'Replace the body with null', edits: [{ ...ctx.doc.spanOf(r.body), text: 'null' }] },
            });
          }
        }
      },
    };
  },
});
