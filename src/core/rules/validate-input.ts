import { bodyBindings, sinksOf, validationOf } from '../lint/analysis/body';
import { defineRule } from '../lint/rule';

/**
 * The parsed request body is whatever the client sent. Writing it (or fields of it) without a
 * schema or at least type/required checks stores wrong types, missing fields and injected keys.
 */
export default defineRule({
  id: 'validate-input',
  meta: {
    description: 'The parsed request body reaches a write (create/update/insert…) with no validation: no schema `.parse`/`.safeParse`, no type or required checks.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  messages: {
    unvalidatedBody:
      'The request body `{{name}}` reaches `{{callee}}()` without any validation. Parse it with a schema (`schema.safeParse(body)`, answering 400 on failure) or check the fields you use.',
    unvalidatedField:
      '`{{field}}` from the request body reaches `{{callee}}()` unchecked: the client can send any type or omit it. Validate it (schema, `typeof`, required check) and answer 400 when it is wrong.',
  },
  create(ctx) {
    return {
      onEnd() {
        for (const binding of bodyBindings(ctx)) {
          const sinks = sinksOf(ctx, binding);
          if (sinks.length === 0) continue;
          for (const sink of sinks) {
            const v = validationOf(ctx, binding, sink.call.pos);
            if (v.whole) break;
            if (sink.kind === 'field') {
              if (v.fields.has(sink.field!) || v.fields.has('*')) continue;
              ctx.report({ node: sink.node, messageId: 'unvalidatedField', data: { field: sink.field!, callee: sink.callee } });
              break;
            }
            if (v.fields.size > 0) break; // required checks on the body: precision first
            ctx.report({ node: sink.node, messageId: 'unvalidatedBody', data: { name: binding.name ?? 'body', callee: sink.callee } });
            break;
          }
        }
      },
    };
  },
});
