import { bodyBindings, unvalidatedSink } from '../lint/analysis/body';
import { defineRule } from '../lint/rule';

/**
 * The parsed request body is whatever the client sent. Writing it (or fields of it) without a
 * schema or at least type/required checks stores wrong types, missing fields and injected keys.
 */
export default defineRule({
  id: 'validate-input',
  meta: {
    description:
      'The parsed request body reaches a write (create/update/insert…) with no validation: no schema `.parse`/`.safeParse`, no type or required checks.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  appliesTo: (s) => s.facts.bodyReads.length > 0,
  messages: {
    unvalidatedBody:
      'The request body `{{name}}` reaches `{{callee}}()` without any validation: the client can send wrong types, miss fields or add any others. Validate it first (`schema.safeParse(body)`, or check the fields you use) and answer 400 when it is wrong.',
    unvalidatedField:
      '`{{field}}` from the request body reaches `{{callee}}()` unchecked: the client can send any type or leave it out. Check it first (a schema, `typeof`, a required check) and answer 400 when it is wrong.',
  },
  create(ctx) {
    return {
      onEnd() {
        for (const binding of bodyBindings(ctx)) {
          const sink = unvalidatedSink(ctx, binding);
          if (!sink) continue;
          if (sink.kind === 'field') {
            ctx.report({
              node: sink.node,
              messageId: 'unvalidatedField',
              data: { field: sink.field!, callee: sink.callee },
            });
          } else {
            ctx.report({
              node: sink.node,
              messageId: 'unvalidatedBody',
              data: { name: binding.name ?? 'body', callee: sink.callee },
            });
          }
        }
      },
    };
  },
});
