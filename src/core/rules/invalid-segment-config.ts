import * as ts from 'typescript';
import { unwrap } from '../ast/query';
import { defineRule, type FixSpec } from '../lint/rule';
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
  appliesTo: (s) => s.exports.some((e) => e.isSegmentConfig),
  messages: {
    invalidValue:
      '`{{name}}` = {{value}} is not valid: {{expected}}. `next build` fails with "Invalid segment configuration options detected".',
    notAnalyzable:
      '`{{name}}` must be a literal: Next.js reads segment config statically, without running the file, so {{value}} is not understood (`next build` fails or ignores it). Write the value itself{{folded}}.',
    notConst: '`{{name}}` must be declared with `export const`: Next.js reads segment config statically.',
    experimentalEdge: "`runtime = 'experimental-edge'` is an error since Next.js 15. Use `'edge'`.",
    revalidateOnEdge: "`revalidate` is not available with `runtime = 'edge'`.",
    removedWithCacheComponents:
      "`{{name}}` is removed when `cacheComponents` is on (Next.js 16): `next build` fails. Use `'use cache'` and `cacheLife()` instead.",
  },
  create(ctx) {
    const check = (e: RouteExport): void => {
      if (!e.isSegmentConfig || e.form !== 'variable' || !e.initializer) return;
      const statement = e.statement as ts.VariableStatement;
      const name = e.name;
      if ((statement.declarationList.flags & ts.NodeFlags.Const) === 0) {
        ctx.report({ span: e.nameSpan, messageId: 'notConst', data: { name } });
        return;
      }
      if (ctx.project.cacheComponents && REMOVED_WITH_CACHE_COMPONENTS.has(name)) {
        ctx.report({ span: e.nameSpan, messageId: 'removedWithCacheComponents', data: { name } });
        return;
      }
      const init = e.initializer;
      const lit = literalOf(init);
      const valueText = init.getText(ctx.sourceFile);
      if (lit.kind === 'other') {
        const folded = name === 'revalidate' || name === 'maxDuration' ? foldNumber(init) : undefined;
        const fix: FixSpec | undefined =
          folded !== undefined && Number.isInteger(folded) && folded >= 0
            ? {
                title: `Write the value: ${folded}`,
                edits: [{ start: init.getStart(ctx.sourceFile), end: init.end, text: String(folded) }],
              }
            : undefined;
        ctx.report({
          node: init,
          messageId: 'notAnalyzable',
          data: { name, value: `\`${valueText}\``, folded: folded !== undefined ? ` (\`${folded}\`)` : '' },
          ...(fix ? { fix } : {}),
        });
        return;
      }
      const bad = (expected: string): void =>
        ctx.report({ node: init, messageId: 'invalidValue', data: { name, value: `\`${valueText}\``, expected } });
      switch (name) {
        case 'dynamic':
          if (lit.kind !== 'string' || !DYNAMIC.includes(lit.value))
            bad(`use one of ${DYNAMIC.map((v) => `'${v}'`).join(', ')}`);
          break;
        case 'dynamicParams':
          if (lit.kind !== 'boolean') bad('use `true` or `false`');
          break;
        case 'revalidate':
          if (!(
            (lit.kind === 'boolean' && lit.value === false) ||
            (lit.kind === 'number' && Number.isInteger(lit.value) && lit.value >= 0)
          ))
            bad('use a whole number of seconds ≥ 0, or `false`');
          else if (
            ctx.exports.some(
              (x) =>
                x.name === 'runtime' &&
                x.initializer &&
                literalOf(x.initializer).kind === 'string' &&
                (literalOf(x.initializer) as { value: string }).value === 'edge',
            )
          ) {
            ctx.report({ node: init, messageId: 'revalidateOnEdge' });
          }
          break;
        case 'fetchCache':
          if (lit.kind !== 'string' || !FETCH_CACHE.includes(lit.value))
            bad(`use one of ${FETCH_CACHE.map((v) => `'${v}'`).join(', ')}`);
          break;
        case 'runtime':
          if (lit.kind === 'string' && lit.value === 'experimental-edge') {
            ctx.report({
              node: init,
              messageId: 'experimentalEdge',
              fix: {
                title: "Use 'edge'",
                edits: [{ start: init.getStart(ctx.sourceFile) + 1, end: init.end - 1, text: 'edge' }],
              },
            });
          } else if (lit.kind !== 'string' || !RUNTIME.includes(lit.value)) bad("use 'nodejs' or 'edge'");
          break;
        case 'preferredRegion':
          if (lit.kind !== 'string' && lit.kind !== 'strings')
            bad("use a region string ('auto', 'global', 'home', 'iad1' …) or an array of them");
          break;
        case 'maxDuration':
          if (lit.kind !== 'number' || !Number.isInteger(lit.value) || lit.value < 0)
            bad('use a whole number of seconds ≥ 0');
          break;
      }
    };
    return {
      onEnd() {
        for (const e of ctx.exports) check(e);
      },
    };
  },
});
