import * as ts from 'typescript';
import { unwrap } from '../ast/query';
import { defineRule, type FixSpec, type RuleContext } from '../lint/rule';
import type { RouteExport } from '../nextjs/exports';

const DYNAMIC = ['auto', 'force-dynamic', 'error', 'force-static'];
const FETCH_CACHE = [
  'auto',
  'default-cache',
  'only-cache',
  'force-cache',
  'force-no-store',
  'default-no-store',
  'only-no-store',
];
const RUNTIME = ['nodejs', 'edge'];
const REMOVED_WITH_CACHE_COMPONENTS = new Set(['dynamic', 'dynamicParams', 'revalidate', 'fetchCache']);

type Literal =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'strings'; value: string[] }
  | { kind: 'other' };

/** Only literals are statically analyzable: Next reads these values without running the module. */
function literalOf(expr: ts.Expression): Literal {
  const e = unwrap(expr);
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return { kind: 'string', value: e.text };
  if (ts.isNumericLiteral(e)) return { kind: 'number', value: Number(e.text.replace(/_/g, '')) };
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken && ts.isNumericLiteral(e.operand))
    return { kind: 'number', value: -Number(e.operand.text) };
  if (e.kind === ts.SyntaxKind.TrueKeyword) return { kind: 'boolean', value: true };
  if (e.kind === ts.SyntaxKind.FalseKeyword) return { kind: 'boolean', value: false };
  if (ts.isArrayLiteralExpression(e) && e.elements.every((x) => ts.isStringLiteral(x)))
    return { kind: 'strings', value: e.elements.map((x) => (x as ts.StringLiteral).text) };
  return { kind: 'other' };
}

/** Folds `60 * 60 * 24` style constant arithmetic, for the fix. */
function foldNumber(expr: ts.Expression): number | undefined {
  const e = unwrap(expr);
  if (ts.isNumericLiteral(e)) return Number(e.text.replace(/_/g, ''));
  if (ts.isBinaryExpression(e)) {
    const a = foldNumber(e.left);
    const b = foldNumber(e.right);
    if (a === undefined || b === undefined) return undefined;
    switch (e.operatorToken.kind) {
      case ts.SyntaxKind.AsteriskToken:
        return a * b;
      case ts.SyntaxKind.PlusToken:
        return a + b;
      case ts.SyntaxKind.MinusToken:
        return a - b;
      default:
        return undefined;
    }
  }
  return undefined;
}

const messages = {
  invalidValue:
    '`{{name}}` = {{value}} is not valid: {{expected}}. `next build` fails with "Invalid segment configuration options detected".',
  notAnalyzable:
    '`{{name}}` must be a literal: Next.js reads segment config statically, without running the file, so {{value}} is not understood (`next build` fails or ignores it). Write the value itself{{folded}}.',
  notConst: '`{{name}}` must be declared with `export const`: Next.js reads segment config statically.',
  experimentalEdge: "`runtime = 'experimental-edge'` is an error since Next.js 15. Use `'edge'`.",
  revalidateOnEdge: "`revalidate` is not available with `runtime = 'edge'`.",
  removedWithCacheComponents:
    "`{{name}}` is removed when `cacheComponents` is on (Next.js 16): `next build` fails. Use `'use cache'` and `cacheLife()` instead.",
};

type Ctx = RuleContext<keyof typeof messages>;

const oneOf = (values: readonly string[]): string => `use one of ${values.map((v) => `'${v}'`).join(', ')}`;

function isWholeSeconds(lit: Literal): boolean {
  return lit.kind === 'number' && Number.isInteger(lit.value) && lit.value >= 0;
}

/** For each option, what `expected` says when the literal value is not allowed (undefined: allowed). */
const EXPECTED = new Map<string, (lit: Literal) => string | undefined>([
  ['dynamic', (lit) => (lit.kind === 'string' && DYNAMIC.includes(lit.value) ? undefined : oneOf(DYNAMIC))],
  ['dynamicParams', (lit) => (lit.kind === 'boolean' ? undefined : 'use `true` or `false`')],
  [
    'revalidate',
    (lit) =>
      (lit.kind === 'boolean' && lit.value === false) || isWholeSeconds(lit)
        ? undefined
        : 'use a whole number of seconds ≥ 0, or `false`',
  ],
  ['fetchCache', (lit) => (lit.kind === 'string' && FETCH_CACHE.includes(lit.value) ? undefined : oneOf(FETCH_CACHE))],
  [
    'runtime',
    // 'experimental-edge' has its own message and fix.
    (lit) =>
      lit.kind === 'string' && (RUNTIME.includes(lit.value) || lit.value === 'experimental-edge')
        ? undefined
        : "use 'nodejs' or 'edge'",
  ],
  [
    'preferredRegion',
    (lit) =>
      lit.kind === 'string' || lit.kind === 'strings'
        ? undefined
        : "use a region string ('auto', 'global', 'home', 'iad1' …) or an array of them",
  ],
  ['maxDuration', (lit) => (isWholeSeconds(lit) ? undefined : 'use a whole number of seconds ≥ 0')],
]);

/** Whether the file exports `runtime = 'edge'`. */
function runsOnEdge(exports: readonly RouteExport[]): boolean {
  return exports.some((x) => {
    if (x.name !== 'runtime' || !x.initializer) return false;
    const lit = literalOf(x.initializer);
    return lit.kind === 'string' && lit.value === 'edge';
  });
}

/** A value Next.js cannot read statically; `60 * 60` style arithmetic is folded into the fix. */
function reportNotAnalyzable(ctx: Ctx, name: string, init: ts.Expression): void {
  const sf = ctx.sourceFile;
  const folded = name === 'revalidate' || name === 'maxDuration' ? foldNumber(init) : undefined;
  const fix: FixSpec | undefined =
    folded !== undefined && Number.isInteger(folded) && folded >= 0
      ? {
          title: `Write the value: ${folded}`,
          edits: [{ start: init.getStart(sf), end: init.end, text: String(folded) }],
        }
      : undefined;
  ctx.report({
    node: init,
    messageId: 'notAnalyzable',
    data: { name, value: `\`${init.getText(sf)}\``, folded: folded !== undefined ? ` (\`${folded}\`)` : '' },
    ...(fix ? { fix } : {}),
  });
}

/** A literal value: not among the allowed ones, `experimental-edge`, or `revalidate` on the edge runtime. */
function reportLiteralValue(ctx: Ctx, name: string, init: ts.Expression, lit: Literal): void {
  const sf = ctx.sourceFile;
  const expected = EXPECTED.get(name)?.(lit);
  if (expected) {
    ctx.report({ node: init, messageId: 'invalidValue', data: { name, value: `\`${init.getText(sf)}\``, expected } });
  } else if (name === 'runtime' && lit.kind === 'string' && lit.value === 'experimental-edge') {
    const edit = { start: init.getStart(sf) + 1, end: init.end - 1, text: 'edge' };
    ctx.report({ node: init, messageId: 'experimentalEdge', fix: { title: "Use 'edge'", edits: [edit] } });
  } else if (name === 'revalidate' && runsOnEdge(ctx.exports)) {
    ctx.report({ node: init, messageId: 'revalidateOnEdge' });
  }
}

function checkExport(ctx: Ctx, e: RouteExport): void {
  if (!e.isSegmentConfig || e.form !== 'variable' || !e.initializer) return;
  const name = e.name;
  if (((e.statement as ts.VariableStatement).declarationList.flags & ts.NodeFlags.Const) === 0)
    ctx.report({ span: e.nameSpan, messageId: 'notConst', data: { name } });
  else if (ctx.project.cacheComponents && REMOVED_WITH_CACHE_COMPONENTS.has(name))
    ctx.report({ span: e.nameSpan, messageId: 'removedWithCacheComponents', data: { name } });
  else {
    const lit = literalOf(e.initializer);
    if (lit.kind === 'other') reportNotAnalyzable(ctx, name, e.initializer);
    else reportLiteralValue(ctx, name, e.initializer, lit);
  }
}

/**
 * Route segment config is read at build time without running your code; `next build` rejects
 * values outside the allowed set ("Invalid segment configuration options detected") and
 * anything it cannot read statically.
 */
export default defineRule({
  id: 'invalid-segment-config',
  meta: {
    description:
      'Segment config exports (`dynamic`, `revalidate`, `runtime`, `fetchCache`, `preferredRegion`, `maxDuration`, `dynamicParams`) with invalid or non-literal values.',
    defaultSeverity: 'error',
    fixable: 'safe',
  },
  messages,
  create(ctx) {
    return {
      onEnd() {
        for (const e of ctx.exports) checkExport(ctx, e);
      },
    };
  },
});
