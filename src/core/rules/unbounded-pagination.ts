import * as ts from 'typescript';
import { scopeOf, unwrap } from '../ast/query';
import { allQueryReads, inlineUse, queryReads, usesOf } from '../lint/analysis/query';
import { defineRule } from '../lint/rule';
import type { QueryRead } from '../nextjs/requestReads';

/** Query keys that name a page size. */
const SIZE_KEY = /^(limit|take|pagesize|page_size|perpage|per_page|size|count|first|top|max|maxresults|rows|n)$/i;
/** Where a page size lands: `take: x`, `.limit(x)`, `first: x` (GraphQL-style), `size: x` (Elasticsearch). */
const SIZE_SINK = /^(take|limit|first|last|top|pageSize|perPage|size|count|max|rows|batchSize)$/;
/** Where any parsed number lands in a query: a NaN there makes the ORM throw. */
const NUMBER_SINK = /^(skip|offset|page|cursor|start|from)$/;
/** Object keys under which values filter or carry data rather than page (`where: { size }`). */
const NOT_PAGING = /^(where|data|filter|select|include|create|update|set|values|having|\$match|match)$/;
/** Calls that bound a value: `Math.min(…)`, `clamp(…)`, a schema with `.max(…)`. */
const BOUNDS = /Math\.min|clamp|(?<!Math)\.max\(/i;

/** An object literal sent back to the client (`Response.json({ limit })`) or logged, not a query. */
function isResponseBody(obj: ts.Node): boolean {
  let n: ts.Node = obj;
  while (
    ts.isObjectLiteralExpression(n.parent) ||
    ts.isPropertyAssignment(n.parent) ||
    ts.isArrayLiteralExpression(n.parent)
  )
    n = n.parent;
  const p = n.parent;
  if (!p || !(ts.isCallExpression(p) || ts.isNewExpression(p))) return false;
  return /^(Response|NextResponse)(\.json)?$|^JSON\.stringify$|^console\./.test(p.expression.getText());
}

/** Whether an object property sits under a filter/data key (`where: { size }`, `data: { limit }`). */
function underNonPagingKey(prop: ts.Node): boolean {
  for (
    let n: ts.Node = prop.parent;
    ts.isObjectLiteralExpression(n) || ts.isPropertyAssignment(n) || ts.isArrayLiteralExpression(n);
    n = n.parent
  ) {
    if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && NOT_PAGING.test(n.name.text)) return true;
  }
  return false;
}

/** The sink a value expression lands in: an object property (`take: limit`), a paging call (`.limit(limit)`), SQL `LIMIT ${…}`. */
function sinkAt(n: ts.Node): string | undefined {
  const p = n.parent;
  if ((ts.isPropertyAssignment(p) && p.initializer === n) || ts.isShorthandPropertyAssignment(p)) {
    if (isResponseBody(p.parent) || underNonPagingKey(p)) return undefined;
    return ts.isIdentifier(p.name) ? p.name.text : undefined;
  }
  if (ts.isCallExpression(p) && p.arguments.includes(n as ts.Expression)) {
    const callee = unwrap(p.expression);
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
    if (/^(limit|take|first|top|range|paginate|offset|skip)$/.test(name)) return name;
  }
  if (ts.isTemplateSpan(p)) {
    const template = p.parent;
    const before =
      template.head.text +
      template.templateSpans
        .slice(0, template.templateSpans.indexOf(p))
        .map((s) => s.expression.getText() + s.literal.text)
        .join('');
    const m = /\b(limit|offset|top)\s*$/i.exec(before);
    if (m) return m[1]!.toUpperCase();
  }
  return undefined;
}

/** Where a use of the variable lands, climbing through arithmetic: `(page - 1) * limit`. */
function sinkOf(use: ts.Identifier): string | undefined {
  let n: ts.Node = use;
  while (
    ts.isBinaryExpression(n.parent) ||
    ts.isParenthesizedExpression(n.parent) ||
    ts.isPrefixUnaryExpression(n.parent)
  )
    n = n.parent;
  return sinkAt(n);
}

const COMPARISONS: readonly ts.SyntaxKind[] = [
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
];

interface Finding {
  readonly messageId: 'unbounded' | 'nanUnhandled';
  readonly data: { name: string; key: string; sink: string; upper: string };
}

/** The query value stored in a variable, its initializer's text and the uses of the variable. */
interface StoredValue {
  readonly init: string;
  readonly uses: readonly ts.Identifier[];
  readonly sf: ts.SourceFile;
}

function isSizeSink(sink: string): boolean {
  return SIZE_SINK.test(sink) || sink === 'LIMIT';
}

/** Inline: `take: Number(searchParams.get('limit') ?? 20)` with no `Math.min` around it. */
function inlineFinding(read: QueryRead, sf: ts.SourceFile, upper: string): Finding | undefined {
  const { top, calls } = inlineUse(read.call, sf);
  const sink = sinkAt(top);
  if (!sink || !isSizeSink(sink) || calls.some((c) => BOUNDS.test(c + '('))) return undefined;
  return { messageId: 'unbounded', data: { name: `searchParams.get('${read.key}')`, key: read.key, sink, upper } };
}

/** `parseInt(x) || 1`, `Number.isNaN(limit)`, `z.coerce`: a NaN is caught somewhere. */
function handlesNaN({ init, uses, sf }: StoredValue): boolean {
  return (
    /\|\||Number\.isNaN|isNaN|Number\.isFinite|isFinite|Number\.isInteger|\.catch\(|z\.coerce/.test(init) ||
    uses.some(
      (u) =>
        /isNaN|isFinite|isInteger/.test(u.parent.getText(sf)) ||
        (ts.isBinaryExpression(u.parent) && u.parent.operatorToken.kind === ts.SyntaxKind.BarBarToken),
    )
  );
}

/** `Math.min(…)` / `clamp(…)` / `.max(…)` in the initializer or around a use, or a comparison of a use. */
function isBounded({ init, uses, sf }: StoredValue): boolean {
  return (
    BOUNDS.test(init) ||
    uses.some((u) => {
      const p = u.parent;
      if (ts.isCallExpression(p) && BOUNDS.test(p.expression.getText(sf) + '(')) return true;
      return ts.isBinaryExpression(p) && COMPARISONS.includes(p.operatorToken.kind);
    })
  );
}

/** A variable holding the query value (`const limit = Number(sp.get('limit'))`) and where its uses land. */
function variableFinding(
  read: QueryRead,
  v: ts.VariableDeclaration,
  sf: ts.SourceFile,
  upper: string,
): Finding | undefined {
  if (!v.initializer) return undefined;
  const stored: StoredValue = { init: v.initializer.getText(sf), uses: usesOf(scopeOf(v), v), sf };
  const sinks = stored.uses.flatMap((u) => sinkOf(u) ?? []);
  if (sinks.length === 0) return undefined;
  const sizeSink = sinks.find(isSizeSink);
  const isSize = !!sizeSink || SIZE_KEY.test(read.key);
  const parsesNumber = /\b(parseInt|parseFloat|Number)\s*\(|^\s*\+/.test(stored.init);
  const data = { name: (v.name as ts.Identifier).text, key: read.key, sink: sizeSink ?? sinks[0]!, upper };
  if (isSize && !isBounded(stored)) return { messageId: 'unbounded', data };
  if (parsesNumber && !handlesNaN(stored) && (isSize || sinks.some((s) => NUMBER_SINK.test(s))))
    return { messageId: 'nanUnhandled', data };
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
    description:
      'A `limit`/`take`/`pageSize` from the query with no upper bound, or a number parsed from the query with no NaN handling.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  messages: {
    unbounded:
      '`{{name}}` comes from the query (`?{{key}}=`) and reaches `{{sink}}` with no upper bound: `?{{key}}=1000000` makes one request read every row. Clamp it, e.g. `Math.min(MAX_{{upper}}, Math.max(1, {{name}}))`.',
    nanUnhandled:
      '`{{name}}` is parsed from the query (`?{{key}}=`), but a missing or non-numeric value gives NaN, which reaches `{{sink}}` and makes the query fail (a 500). Add a fallback (`Number.parseInt(x, 10) || 1`) or answer 400 when `Number.isNaN(…)`.',
  },
  create(ctx) {
    return {
      nodes: { [ts.SyntaxKind.CallExpression]: (node) => queryReads(ctx, node as ts.CallExpression) },
      onEnd() {
        for (const read of allQueryReads(ctx)) {
          const upper = read.key.toUpperCase().replace(/[^A-Z0-9]/g, '_');
          const finding = read.variable
            ? variableFinding(read, read.variable, ctx.sourceFile, upper)
            : inlineFinding(read, ctx.sourceFile, upper);
          if (finding) ctx.report({ node: read.call, ...finding });
        }
      },
    };
  },
});
