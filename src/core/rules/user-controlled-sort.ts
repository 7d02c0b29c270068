import * as ts from 'typescript';
import { calleeName, findDeclaration, isConstDeclaration, isFunctionNode, scopeOf, unwrap } from '../ast/query';
import { allQueryReads, inlineUse, queryReads, usesOf } from '../lint/analysis/query';
import { isCheckedInConditions } from '../lint/helpers';
import { defineRule } from '../lint/rule';

const SORT_PROPERTY = /^(orderBy|order|sort|sortBy|\$sort|ordering)$/;
/** Calls on the initializer that check the value: a schema parse, an allow-list test. */
const VALIDATED = /\.parse\(|\.safeParse\(|\.includes\(|\.has\(|\bin\s/;
/** Names of lookup tables (`SORT_COLUMNS[sort]`): a map lookup is an allow-list. */
const LOOKUP_NAME = /sort|order|map|column|field|option|allowed|whitelist|allowlist/i;

/** `table[sort]` where `table` is a local object literal or looks like a lookup map: not a column chosen freely. */
function isLookup(access: ts.ElementAccessExpression): boolean {
  const obj = unwrap(access.expression);
  if (!ts.isIdentifier(obj)) return true;
  if (LOOKUP_NAME.test(obj.text)) return true;
  const decl = findDeclaration(obj.text, obj);
  return (
    !!decl &&
    ts.isVariableDeclaration(decl) &&
    isConstDeclaration(decl) &&
    !!decl.initializer &&
    ts.isObjectLiteralExpression(unwrap(decl.initializer))
  );
}

/**
 * Where a sort value from the query becomes a column or SQL: a computed key under `orderBy`
 * (`{ [sort]: 'desc' }`), `.sort({ [f]: 1 })`, an argument of `.orderBy()`/`.order()`,
 * `asc(table[sort])`/`desc(…)` (Drizzle), or an `ORDER BY ${x}` in a plain template string.
 */
function sortSinkOf(use: ts.Node): ts.Node | undefined {
  const p = use.parent;
  if (ts.isComputedPropertyName(p)) {
    const obj = p.parent.parent;
    if (!ts.isObjectLiteralExpression(obj)) return undefined;
    const holder = obj.parent;
    if (ts.isPropertyAssignment(holder) && ts.isIdentifier(holder.name) && SORT_PROPERTY.test(holder.name.text))
      return p;
    if (
      ts.isArrayLiteralExpression(holder) &&
      ts.isPropertyAssignment(holder.parent) &&
      ts.isIdentifier(holder.parent.name) &&
      SORT_PROPERTY.test(holder.parent.name.text)
    )
      return p;
    if (ts.isCallExpression(holder) && /^(sort|orderBy|order)$/.test(calleeName(holder) ?? '')) return p;
    return undefined;
  }
  if (ts.isCallExpression(p) && p.arguments.includes(use as ts.Expression)) {
    const callee = unwrap(p.expression);
    if (
      ts.isPropertyAccessExpression(callee) &&
      /^(orderBy|order|sort)$/.test(callee.name.text) &&
      !isFunctionNode(unwrap(p.arguments[0]!))
    )
      return use;
  }
  if (ts.isElementAccessExpression(p) && p.argumentExpression === use && !isLookup(p)) {
    const call = p.parent;
    if (ts.isCallExpression(call) && call.arguments[0] === p && /^(asc|desc)$/.test(calleeName(call) ?? '')) return p;
  }
  if (ts.isTemplateSpan(p) && !ts.isTaggedTemplateExpression(p.parent.parent)) {
    // A tagged template (sql`…`) sends ${…} as a bound parameter, not as SQL text.
    const template = p.parent;
    const before =
      template.head.text +
      template.templateSpans
        .slice(0, template.templateSpans.indexOf(p))
        .map((s) => s.literal.text)
        .join(' ');
    if (/order\s+by\s+[^;]*$/i.test(before)) return use;
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
    description:
      'A query value used as an object key in `orderBy`/sort (or in `ORDER BY`) without an allow-list check.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  appliesTo: (s) => s.mentions('earchParams'),
  messages: {
    unsortedColumn:
      "`{{name}}` comes from the query (`?{{key}}=`) and becomes the sort column unchecked: a client can sort by any field (even `passwordHash`, to learn its values by order) or make the query fail. Accept only listed columns: `const SORTABLE = ['createdAt', 'title'] as const` and check the value against it.",
  },
  create(ctx) {
    const sf = ctx.sourceFile;
    return {
      nodes: { [ts.SyntaxKind.CallExpression]: (node) => queryReads(ctx, node as ts.CallExpression) },
      onEnd() {
        for (const read of allQueryReads(ctx)) {
          const v = read.variable;
          if (!v) {
            // Inline: `orderBy: { [searchParams.get('sort') ?? 'id']: 'asc' }`
            const { top, calls } = inlineUse(read.call, sf);
            if (calls.some((c) => /\.(parse|safeParse|includes|has)$/.test(c))) continue;
            const sink = sortSinkOf(top);
            if (sink)
              ctx.report({
                node: sink,
                messageId: 'unsortedColumn',
                data: { name: `searchParams.get('${read.key}')`, key: read.key },
              });
            continue;
          }
          if (!v.initializer) continue;
          if (VALIDATED.test(v.initializer.getText(sf))) continue;
          const name = (v.name as ts.Identifier).text;
          const scope = scopeOf(v);
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
