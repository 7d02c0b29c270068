import * as ts from 'typescript';
import { bodyBindings, sinksOf } from '../lint/analysis/body';
import { defineRule } from '../lint/rule';

/**
 * Spreading the raw request body into a create/update lets the client set any column:
 * `role`, `isAdmin`, `ownerId`, `id`. Required-field checks do not help: extra keys pass.
 *
 * Reported whether or not the body was checked first (`validate-input` speaks of the missing
 * checks; this rule of the extra keys, which field checks do not remove), so turning either
 * rule off leaves the other's finding in place.
 */
export default defineRule({
  id: 'no-mass-assignment',
  meta: {
    description:
      'The raw request body spread (or passed whole) into a create/update call, letting clients set any field.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  appliesTo: (s) => s.facts.bodyReads.length > 0,
  messages: {
    spreadBody:
      '`...{{name}}` copies every field the client sends into `{{callee}}()` (mass assignment): checking some fields does not stop extra ones, so a client can set `role`, `id` or `ownerId`. List the fields you accept, or write the result of a schema parse.',
    wholeBody:
      '`{{name}}` is the raw request body, passed whole to `{{callee}}()` (mass assignment): checking some fields does not stop extra ones, so a client can set `role`, `id` or `ownerId`. List the fields you accept, or pass the result of a schema parse.',
  },
  create(ctx) {
    return {
      onEnd() {
        for (const binding of bodyBindings(ctx)) {
          if (binding.name === undefined) continue;
          for (const sink of sinksOf(ctx, binding)) {
            // Fields are listed on purpose; a body in `where`/`select` is a query, not written data.
            if (sink.kind === 'field' || sink.inFilter) continue;
            const spread = sink.kind === 'spread' && sink.node.parent && ts.isSpreadAssignment(sink.node.parent);
            ctx.report({
              node: spread ? sink.node.parent : sink.node,
              messageId: sink.kind === 'spread' ? 'spreadBody' : 'wholeBody',
              data: { name: binding.name, callee: sink.callee },
            });
          }
        }
      },
    };
  },
});
