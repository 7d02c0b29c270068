import * as ts from 'typescript';
import { indentationAt } from '../ast/query';
import { originWrites, writesIn, writesOnTarget } from '../lint/analysis/cors';
import { quote } from '../lint/fixes';
import { defineRule, type EditSpec } from '../lint/rule';

/**
 * When Access-Control-Allow-Origin depends on the request, caches must key on Origin:
 * without `Vary: Origin` a CDN or the browser cache serves one origin's answer to another.
 */
export default defineRule({
  id: 'cors-vary-origin',
  meta: {
    description:
      'A per-request `Access-Control-Allow-Origin` (reflected or chosen from an allow-list) without `Vary: Origin`.',
    defaultSeverity: 'warning',
    fixable: 'safe',
  },
  appliesTo: (s) => s.facts.headerWrites.some((h) => h.name === 'access-control-allow-origin'),
  messages: {
    missingVary:
      "`Access-Control-Allow-Origin` changes with the request, but the response has no `Vary: Origin`: a cache can serve one origin's response (and its CORS header) to another. Add `Vary: Origin`.",
  },
  create(ctx) {
    const fixFor = (write: (typeof ctx.facts.headerWrites)[number]): EditSpec | undefined => {
      const sf = ctx.sourceFile;
      const vary = `Vary: ${quote(ctx.style, 'Origin')}`;
      if (write.via === 'init' && ts.isPropertyAssignment(write.node)) {
        const start = write.node.getStart(sf);
        const lineStart = ctx.text.lastIndexOf('\n', start - 1) + 1;
        const onOwnLine = ctx.text.slice(lineStart, start).trim() === '';
        const indent = indentationAt(ctx.text, start);
        return { start, end: start, text: onOwnLine ? `${vary},\n${indent}` : `${vary}, ` };
      }
      if (
        (write.via === 'set' || write.via === 'append') &&
        ts.isCallExpression(write.node) &&
        ts.isExpressionStatement(write.node.parent)
      ) {
        const callee = write.node.expression as ts.PropertyAccessExpression;
        const statement = `${callee.expression.getText(sf)}.append(${quote(ctx.style, 'Vary')}, ${quote(ctx.style, 'Origin')})${ctx.style.semicolons ? ';' : ''}`;
        const st = write.node.parent;
        return { start: st.end, end: st.end, text: `\n${indentationAt(ctx.text, st.getStart(sf))}${statement}` };
      }
      return undefined;
    };
    return {
      onEnd() {
        for (const o of originWrites(ctx)) {
          if (o.kind === 'wildcard' || o.kind === 'fixed') continue;
          const varies = [...writesIn(ctx, o.write.fn, 'vary'), ...writesOnTarget(ctx, o.write, 'vary')];
          if (varies.some((v) => v.valueText === undefined || /(^|,)\s*(origin|\*)\s*(,|$)/i.test(v.valueText)))
            continue;
          const edit = fixFor(o.write);
          ctx.report({
            node: o.write.nameNode,
            messageId: 'missingVary',
            ...(edit ? { fix: { title: 'Add Vary: Origin', edits: [edit] } } : {}),
          });
        }
      },
    };
  },
});
