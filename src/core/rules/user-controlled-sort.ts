import * as ts from 'typescript';
import { isFunctionNode, unwrap } from '../ast/query';
import { allQueryReads, queryReads, usesOf } from '../lint/analysis/query';
import { isCheckedInConditions } from '../lint/helpers';
import { defineRule } from '../lint/rule';

const SORT_PROPERTY = /^(orderBy|order|sort|sortBy|\$sort|ordering)$/;
const VALIDATED = /\.parse\(|\.safeParse\(|\.includes\(|\.has\(|\bin\s/;

/** Where a sort value from the query becomes a column or SQL: `{ [sort]: 'desc' }` under orderBy, `.sort({ [f]: 1 })`, `ORDER BY ${x}`. */
function sortSinkOf(use: ts.Identifier): ts.Node | undefined {
  const p = use.parent;
  if (ts.isComputedPropertyName(p)) {
    const obj = p.parent.parent;
    if (!ts.isObjectLiteralExpression(obj)) return undefined;
    const holder = obj.parent;
    if (ts.isPropertyAssignment(holder) && ts.isIdentifier(holder.name) && SORT_PROPERTY.test(holder.name.text)) return p;
    if (ts.isArrayLiteralExpression(holder) && ts.isPropertyAssignment(holder.parent) && ts.isIdentifier(holder.parent.name) && SORT_PROPERTY.test(holder.parent.name.text)) return p;
    if (ts.isCallExpression(holder)) {
      const callee = unwrap(holder.expression);
      if (ts.isPropertyAccessExpression(callee) && /^(sort|orderBy|order)$/.test(callee.name.text)) return p;
    }
    return undefined;
  }
  if (ts.isCallExpression(p) && p.arguments.includes(use)) {
    const callee = unwrap(p.expression);
    if (ts.isPropertyAccessExpression(callee) && /^(orderBy|order|sort)$/.test(callee.name.text)) return use;
  }
  if (ts.isTemplateSpan(p)) {
    const texts = p.parent.head.text + p.parent.templateSpans.map((s) => s.literal.text).join(' ');
    if (/order\s+by/i.test(texts)) return use;
  }
  return undefined;
}

/**
 * A query value used as the sort column lets clients sort by any field — including private
 * ones (`?sort=passwordHash`) to infer values — and hands ORMs or SQL an arbitrary identifier.
 */
export default defineRule({
  id: 'user-controlled-sort',
  meta: {
    description: 'A query value used as an object key in `orderBy`/sort (or in `ORDER BY`) without an allow-list check.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  messages: {
    unsortedColumn:
      '`{{name}}` comes from the query (`?{{key}}=`) and becomes the sort column unchecked: a client can sort by any field (even `passwordHash`) or break the query. Check it against an allow-list first: `const SORTABLE = [\'createdAt\', \'title\'] as const`.',
  },
  create(ctx) {
    return {
      nodes: { [ts.SyntaxKind.CallExpression]: (node) => queryReads(ctx, node as ts.CallExpression) },
      onEnd() {
        for (const read of allQueryReads(ctx)) {
          const v = read.variable;
          if (!v?.initializer) continue;
          if (VALIDATED.test(v.initializer.getText(ctx.sourceFile))) continue;
          const name = (v.name as ts.Identifier).text;
          let scope: ts.Node | undefined = v.parent;
          while (scope && !isFunctionNode(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
          if (!scope) continue;
          if (isCheckedInConditions(scope, name)) continue;
          for (const use of usesOf(scope, v)) {
            const sink = sortSinkOf(use);
            if (sink) {
              ctx.report({ node: sink, messageId: 'unsortedColumn', data: { name, key: read.key } });
              break;
            }
          }
        }
      },
    };
  },
});
