import * as ts from 'typescript';
import { isFunctionNode, unwrap } from '../ast/query';
import { allQueryReads, queryReads, usesOf } from '../lint/analysis/query';
import { defineRule } from '../lint/rule';

const SIZE_KEY = /^(limit|take|pagesize|page_size|perpage|per_page|size|count|first|top|max|maxresults|rows|n)$/i;
const SIZE_SINK = /^(take|limit|first|last|top|pageSize|perPage|size|count|max|rows|batchSize)$/;
const NUMBER_SINK = /^(skip|offset|page|cursor|start|from)$/;

function scopeOf(decl: ts.Node): ts.Node {
  let n: ts.Node | undefined = decl.parent;
  while (n && !isFunctionNode(n) && !ts.isSourceFile(n)) n = n.parent;
  return n ?? decl.getSourceFile();
}

/** An object literal sent back to the client (`Response.json({ limit })`), not a query. */
function isResponseBody(obj: ts.Node): boolean {
  let n: ts.Node = obj;
  while (ts.isObjectLiteralExpression(n.parent) || ts.isPropertyAssignment(n.parent) || ts.isArrayLiteralExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if (!p || !(ts.isCallExpression(p) || ts.isNewExpression(p))) return false;
  return /^(Response|NextResponse)(\.json)?$|^JSON\.stringify$|^console\./.test(p.expression.getText());
}

/** Where a use of the variable lands: an object property (`take: limit`), a call (`.limit(limit)`), SQL text. */
function sinkOf(use: ts.Identifier): string | undefined {
  let n: ts.Node = use;
  // climb through arithmetic: `(page - 1) * limit`
  while (ts.isBinaryExpression(n.parent) || ts.isParenthesizedExpression(n.parent) || ts.isPrefixUnaryExpression(n.parent)) n = n.parent;
  const p = n.parent;
  if ((ts.isPropertyAssignment(p) && p.initializer === n) || ts.isShorthandPropertyAssignment(p)) {
    if (isResponseBody(p.parent)) return undefined;
    return ts.isIdentifier(p.name) ? p.name.text : undefined;
  }
  if (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression)) {
    const callee = unwrap(p.expression);
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
    if (/^(limit|take|slice|first|top|range|paginate)$/.test(name)) return name;
  }
  if (ts.isTemplateSpan(p) && /\b(limit|offset|top)\s*$/i.test(p.parent.head.text + p.parent.templateSpans.map((s) => s.literal.text).join(''))) return 'LIMIT';
  return undefined;
}

/**
 * A page size taken from the query with no upper bound lets one request ask for every row
 * (`?limit=1000000`); `parseInt` of a missing or bad value is NaN, which most ORMs reject
 * with a 500.
 */
export default defineRule({
  id: 'unbounded-pagination',
  meta: {
    description: 'A `limit`/`take`/`pageSize` from the query with no upper bound, or a number parsed from the query with no NaN handling.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  messages: {
    unbounded:
      '`{{name}}` comes from the query (`?{{key}}=`) and reaches `{{sink}}` with no upper bound: `?{{key}}=1000000` asks for every row. Clamp it: `Math.min(MAX_{{upper}}, Math.max(1, {{name}}))`.',
    nanUnhandled:
      '`{{name}}` is parsed from the query (`?{{key}}=`) but a missing or non-numeric value gives NaN, which reaches `{{sink}}`. Add a fallback (`Number.parseInt(x, 10) || 1`) or check `Number.isNaN`.',
  },
  create(ctx) {
    return {
      nodes: { [ts.SyntaxKind.CallExpression]: (node) => queryReads(ctx, node as ts.CallExpression) },
      onEnd() {
        for (const read of allQueryReads(ctx)) {
          const v = read.variable;
          if (!v || !v.initializer) continue;
          const name = (v.name as ts.Identifier).text;
          const init = v.initializer.getText(ctx.sourceFile);
          const scope = scopeOf(v);
          const uses = usesOf(scope, v);
          const sinks = uses.map((u) => ({ u, sink: sinkOf(u) })).filter((s) => s.sink);
          if (sinks.length === 0) continue;
          const isSize = SIZE_KEY.test(read.key) || sinks.some((s) => SIZE_SINK.test(s.sink!));
          const parsesNumber = /\b(parseInt|parseFloat|Number)\s*\(|^\s*\+/.test(init);
          const handlesNaN = /\|\||Number\.isNaN|isNaN|Number\.isFinite|isFinite|Number\.isInteger|\.catch\(|z\.coerce/.test(init) ||
            uses.some((u) => /isNaN|isFinite|isInteger/.test(u.parent.getText(ctx.sourceFile)) || (ts.isBinaryExpression(u.parent) && u.parent.operatorToken.kind === ts.SyntaxKind.BarBarToken));
          const bounded = /Math\.min|clamp\w*\(|(?<!Math)\.max\(/.test(init) ||
            uses.some((u) => {
              const p = u.parent;
              if (ts.isCallExpression(p) && /Math\.min|clamp/i.test(p.expression.getText(ctx.sourceFile))) return true;
              return ts.isBinaryExpression(p) && [ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.GreaterThanEqualsToken, ts.SyntaxKind.LessThanToken, ts.SyntaxKind.LessThanEqualsToken].includes(p.operatorToken.kind);
            });
          const sink = sinks[0]!.sink!;
          const data = { name, key: read.key, sink, upper: read.key.toUpperCase().replace(/[^A-Z0-9]/g, '_') };
          if (isSize && !bounded) ctx.report({ node: read.call, messageId: 'unbounded', data });
          else if (parsesNumber && !handlesNaN && (isSize || sinks.some((s) => NUMBER_SINK.test(s.sink!)))) ctx.report({ node: read.call, messageId: 'nanUnhandled', data });
        }
      },
    };
  },
});
