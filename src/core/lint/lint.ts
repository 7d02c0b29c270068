/**
 * The lint engine: one walk over one parse, every enabled rule's visitor dispatched by node
 * kind, whole-file facts gathered on the way, suppression comments and severities applied
 * at the end. It never throws: a file that does not parse yields one `parse-error`
 * finding; a rule that throws yields one `internal-error` finding and the others still run.
 */
import * as ts from 'typescript';
import type { ParsedDocument } from '../ast/parse';
import { indentUnit, quoteStyle, usesSemicolons } from '../ast/query';
import { findHandlers, findRouteExports } from '../nextjs/exports';
import type { Finding, Fix, Severity, SeveritySetting, Span, TextEdit } from '../types';
import { RULES } from '../rules';
import { FactsCollector } from './facts';
import {
  docsUrlFor,
  formatMessage,
  type AnyRule,
  type CodeStyle,
  type FixSpec,
  type LintProjectInfo,
  type LintRouteInfo,
  type NodeVisitor,
  type Report,
  type RuleContext,
} from './rule';
import { isSuppressed, parseSuppressions } from './suppressions';

// `typescript` exposes its API through getters; read the hot one once.
const forEachChild = ts.forEachChild;

export const PARSE_ERROR_ID = 'parse-error';
export const INTERNAL_ERROR_ID = 'internal-error';

export interface LintOptions {
  readonly route?: LintRouteInfo;
  readonly project?: LintProjectInfo;
  /** `nextRouteKit.lint.rules`: severity overrides, `off` included. */
  readonly severities?: Readonly<Record<string, SeveritySetting>>;
  /** The rules to run (default: every registered rule). */
  readonly rules?: readonly AnyRule[];
}

/** Lints one parsed document. Results are memoized on the document for identical options. */
export function lintDocument(doc: ParsedDocument, options: LintOptions = {}): Finding[] {
  const key = `lint:${JSON.stringify([options.route?.route, options.route?.routable, options.project, options.severities])}`;
  if (options.rules) return runLint(doc, options);
  return doc.memo(key, () => runLint(doc, options));
}

function effectiveSeverity(rule: AnyRule, severities: LintOptions['severities']): Severity | undefined {
  const setting = severities?.[rule.id];
  if (setting === 'off') return undefined;
  return setting ?? rule.meta.defaultSeverity;
}

function isVersionApplicable(rule: AnyRule, project: LintProjectInfo): boolean {
  const min = rule.meta.minNextMajor;
  return min === undefined || project.nextMajor === undefined || project.nextMajor >= min;
}

function runLint(doc: ParsedDocument, options: LintOptions): Finding[] {
  const findings: Finding[] = [];
  const toTextEdit = (e: { start: number; end: number; text: string }): TextEdit => {
    const span: Span = { start: e.start, end: e.end };
    return { span, range: doc.rangeOf(span), newText: e.text };
  };
  const toFix = (f: FixSpec): Fix => ({ title: f.title, edits: f.edits.map(toTextEdit) });

  const parseErrors = doc.parseErrors;
  if (parseErrors.length > 0) {
    const first = parseErrors[0]!;
    const pos = doc.positionAt(first.span.start);
    findings.push({
      ruleId: PARSE_ERROR_ID,
      messageId: 'parseError',
      message: `Syntax error at line ${pos.line + 1}: ${first.message}. Route checks resume when the file parses.`,
      severity: 'error',
      span: first.span,
      range: doc.rangeOf(first.span),
      docsUrl: docsUrlFor(PARSE_ERROR_ID),
    });
    return findings;
  }

  const project = options.project ?? {};
  const sf = doc.sourceFile;
  const exports = findRouteExports(doc);
  const handlers = findHandlers(doc);
  const facts = new FactsCollector(handlers);
  // Only fixes read the code style; compute each part on first use.
  let quote: CodeStyle['quote'] | undefined;
  let unit: string | undefined;
  let semicolons: boolean | undefined;
  const style: CodeStyle = {
    get quote() {
      return (quote ??= quoteStyle(sf));
    },
    get indentUnit() {
      return (unit ??= indentUnit(doc.text));
    },
    get semicolons() {
      return (semicolons ??= usesSemicolons(sf));
    },
    typescript: /\.(m|c)?tsx?$/i.test(doc.fileName),
  };

  const table: (NodeVisitor[] | undefined)[] = [];
  const endHooks: Array<() => void> = [];
  const crashed = new Map<string, unknown>();
  const rules: readonly AnyRule[] = options.rules ?? RULES;

  for (const rule of rules) {
    const severity = effectiveSeverity(rule, options.severities);
    if (!severity || !isVersionApplicable(rule, project)) continue;
    const report = (r: Report<string>): void => {
      const span = r.span ?? (r.node ? doc.spanOf(r.node) : { start: 0, end: 0 });
      const template = (rule.messages as Readonly<Record<string, string>>)[r.messageId];
      const finding: Finding = {
        ruleId: rule.id,
        messageId: r.messageId,
        message: formatMessage(template ?? r.messageId, r.data),
        ...(r.data ? { data: r.data } : {}),
        severity: r.severity && options.severities?.[rule.id] === undefined ? r.severity : severity,
        span,
        range: doc.rangeOf(span),
        docsUrl: docsUrlFor(rule.id),
      };
      // Fixes are computed on first access: the CLI and the Problems panel never need them.
      if (r.fix) {
        const spec = r.fix;
        let fix: Fix | undefined | null = null;
        Object.defineProperty(finding, 'fix', {
          enumerable: true,
          get: () => {
            if (fix === null) {
              try {
                const resolved = typeof spec === 'function' ? spec() : spec;
                fix = resolved ? toFix(resolved) : undefined;
              } catch {
                fix = undefined;
              }
            }
            return fix;
          },
        });
      }
      if (r.suggestions) {
        const spec = r.suggestions;
        let suggestions: Fix[] | null = null;
        Object.defineProperty(finding, 'suggestions', {
          enumerable: true,
          get: () => {
            if (suggestions === null) {
              try {
                suggestions = (typeof spec === 'function' ? spec() : spec).map(toFix);
              } catch {
                suggestions = [];
              }
            }
            return suggestions;
          },
        });
      }
      findings.push(finding);
    };
    const ctx: RuleContext<string> = {
      doc,
      sourceFile: sf,
      text: doc.text,
      route: options.route,
      project,
      exports,
      handlers,
      facts,
      style,
      report,
    };
    const guard = (fn: () => void): void => {
      if (crashed.has(rule.id)) return;
      try {
        fn();
      } catch (e) {
        crashed.set(rule.id, e);
      }
    };
    guard(() => {
      const visitor = rule.create(ctx);
      for (const [kind, fn] of Object.entries(visitor.nodes ?? {}) as Array<[string, NodeVisitor]>) {
        const k = Number(kind);
        // No closure per visit: this runs for every node of its kind.
        (table[k] ??= []).push((node) => {
          if (crashed.has(rule.id)) return;
          try {
            fn(node);
          } catch (e) {
            crashed.set(rule.id, e);
          }
        });
      }
      if (visitor.onEnd) endHooks.push(() => guard(visitor.onEnd!));
    });
  }

  // The single walk. Recursive (fast); if the file nests deeper than the stack allows, the
  // rest of the walk continues iteratively.
  const CALL = ts.SyntaxKind.CallExpression;
  const NEW = ts.SyntaxKind.NewExpression;
  const visit = (node: ts.Node): undefined => {
    const kind = node.kind;
    if (kind === CALL) facts.visitCall(node as ts.CallExpression);
    else if (kind === NEW) facts.visitNew(node as ts.NewExpression);
    const fns = table[kind];
    if (fns) for (let i = 0; i < fns.length; i++) fns[i]!(node);
    forEachChild(node, visit);
    return undefined;
  };
  try {
    forEachChild(sf, visit);
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    crashed.set('walk', new Error('the file nests too deeply to check completely'));
  }
  for (const hook of endHooks) hook();

  for (const [ruleId, error] of crashed) {
    findings.push({
      ruleId: INTERNAL_ERROR_ID,
      messageId: 'ruleCrashed',
      message:
        ruleId === 'walk'
          ? 'This file nests too deeply to be checked completely; some checks were skipped.'
          : `The rule \`${ruleId}\` failed on this file and was skipped (${(error as Error)?.message ?? String(error)}). Please report this with the file.`,
      severity: 'warning',
      span: { start: 0, end: 0 },
      range: doc.rangeOf({ start: 0, end: 0 }),
      docsUrl: docsUrlFor(INTERNAL_ERROR_ID),
    });
  }

  const suppressions = parseSuppressions(doc.text);
  const seen = new Set<string>();
  return findings
    .filter((f) => f.ruleId === INTERNAL_ERROR_ID || !isSuppressed(suppressions, f.ruleId, f.range.start.line))
    .filter((f) => {
      const key = `${f.ruleId}:${f.messageId}:${f.span.start}:${f.span.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || (a.ruleId < b.ruleId ? -1 : 1));
}

/** Applies non-overlapping edits to text (later edits first). Overlapping edits are skipped. */
export function applyEdits(text: string, edits: readonly { span: Span; newText: string }[]): string {
  const sorted = [...edits].sort((a, b) => b.span.start - a.span.start || b.span.end - a.span.end);
  let result = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.span.end > limit) continue;
    result = result.slice(0, e.span.start) + e.newText + result.slice(e.span.end);
    limit = e.span.start;
  }
  return result;
}

/**
 * Every safe fix of the findings that can be applied together, chosen as ESLint chooses them
 * so that `eslint --fix` and our fix-all give the same text: each fix counts as the one range
 * from its first edit to its last, fixes are taken in order of that range, and a fix is
 * skipped when its range starts at or before the end of the last one taken
 * (https://github.com/eslint/eslint/blob/main/lib/linter/source-code-fixer.js).
 */
export function fixAllEdits(findings: readonly Finding[], ruleFilter?: (ruleId: string) => boolean): TextEdit[] {
  const fixes: Array<{ start: number; end: number; edits: readonly TextEdit[] }> = [];
  for (const f of findings) {
    if (!f.fix || f.fix.edits.length === 0 || (ruleFilter && !ruleFilter(f.ruleId))) continue;
    const edits = f.fix.edits;
    fixes.push({
      start: Math.min(...edits.map((e) => e.span.start)),
      end: Math.max(...edits.map((e) => e.span.end)),
      edits,
    });
  }
  fixes.sort((a, b) => a.start - b.start || a.end - b.end);
  const chosen: TextEdit[] = [];
  let lastEnd = -Infinity;
  for (const fix of fixes) {
    if (fix.start <= lastEnd) continue;
    chosen.push(...fix.edits);
    lastEnd = fix.end;
  }
  return chosen;
}
