/**
 * The lint engine: one walk over one parse, every enabled rule's visitor dispatched by node
 * kind, whole-file facts gathered on the way, suppression comments and severities applied
 * at the end. It never throws: a file that does not parse yields one `parse-error`
 * finding; a rule that throws yields one `internal-error` finding and the others still run.
 *
 * Findings are plain data. Fixes cost about a fifth of a lint run, and only the quick-fix menu
 * and fix-all need them, so a run keeps how to compute each finding's fix and suggestions, and
 * computes them when asked (`fixes: true`), from the same memoized run. A fix that throws then
 * yields an `internal-error` finding naming its rule, like a crashing visitor.
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
  type FileSignals,
  type Report,
  type RuleContext,
} from './rule';
import { isSuppressed, parseSuppressions } from './suppressions';

// `typescript` exposes its API through getters; read the hot one once.
const forEachChild = ts.forEachChild;

export const PARSE_ERROR_ID = 'parse-error';
export const INTERNAL_ERROR_ID = 'internal-error';
/** The key under which a walk that overflowed the stack is recorded among the crashes. */
const WALK = 'walk';

export interface LintOptions {
  readonly route?: LintRouteInfo;
  readonly project?: LintProjectInfo;
  /** `nextRouteKit.lint.rules`: severity overrides, `off` included. */
  readonly severities?: Readonly<Record<string, SeveritySetting>>;
  /** The rules to run (default: every registered rule). */
  readonly rules?: readonly AnyRule[];
  /** Give each finding its `fix` and `suggestions` (the quick-fix menu, fix-all, tests). */
  readonly fixes?: boolean;
  /**
   * Skip the rules whose `appliesTo` says they cannot apply to the file (default true). False
   * runs every enabled rule on every file: the test that proves skipping changes no finding.
   */
  readonly skipRules?: boolean;
}

/** How to compute one finding's fixes, kept by the run until someone asks. */
interface PendingFixes {
  readonly ruleId: string;
  readonly fix?: Report<string>['fix'];
  readonly suggestions?: Report<string>['suggestions'];
}

/** One lint run over one parse. */
interface LintRun {
  readonly findings: Finding[];
  readonly pending: ReadonlyMap<Finding, PendingFixes>;
}

/** Lints one parsed document. Results are memoized on the document for identical options. */
export function lintDocument(doc: ParsedDocument, options: LintOptions = {}): Finding[] {
  if (options.rules) {
    const run = runLint(doc, options);
    return options.fixes ? withFixes(doc, run) : run.findings;
  }
  const key = `lint:${JSON.stringify([options.route?.route, options.route?.routable, options.project, options.severities, options.skipRules])}`;
  const run = doc.memo(key, () => runLint(doc, options));
  return options.fixes ? doc.memo(`${key}:fixes`, () => withFixes(doc, run)) : run.findings;
}

function runLint(doc: ParsedDocument, options: LintOptions): LintRun {
  if (doc.parseErrors.length > 0) return { findings: [parseErrorFinding(doc)], pending: new Map() };
  const run = new RuleRun(doc, options);
  run.walk();
  run.end();
  return { findings: finalFindings(doc, [...run.findings, ...crashFindings(doc, run.crashed)]), pending: run.pending };
}

function parseErrorFinding(doc: ParsedDocument): Finding {
  const first = doc.parseErrors[0]!;
  const line = doc.positionAt(first.span.start).line + 1;
  return {
    ruleId: PARSE_ERROR_ID,
    messageId: 'parseError',
    message: `Syntax error at line ${line}: ${first.message}. Route checks resume when the file parses.`,
    severity: 'error',
    span: first.span,
    range: doc.rangeOf(first.span),
    docsUrl: docsUrlFor(PARSE_ERROR_ID),
  };
}

/** The file's code style; only fixes read it, so each part is computed on first use. */
function codeStyleOf(doc: ParsedDocument): CodeStyle {
  const sf = doc.sourceFile;
  let quote: CodeStyle['quote'] | undefined;
  let unit: string | undefined;
  let semicolons: boolean | undefined;
  return {
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

/** What every rule's context shares for one file. */
type FileContext = Omit<RuleContext<string>, 'report'>;

/**
 * One rule's context. A class (one shape, fields set once) rather than `{ ...file, report }`:
 * on Node 20 an object literal that starts with a spread and adds a property costs microseconds,
 * and a run makes one per rule per file.
 */
class Context implements RuleContext<string> {
  readonly doc: ParsedDocument;
  readonly sourceFile: ts.SourceFile;
  readonly text: string;
  readonly route: LintRouteInfo | undefined;
  readonly project: LintProjectInfo;
  readonly exports: FileContext['exports'];
  readonly handlers: FileContext['handlers'];
  readonly facts: FileContext['facts'];
  readonly style: CodeStyle;

  constructor(
    file: FileContext,
    readonly report: (report: Report<string>) => void,
  ) {
    this.doc = file.doc;
    this.sourceFile = file.sourceFile;
    this.text = file.text;
    this.route = file.route;
    this.project = file.project;
    this.exports = file.exports;
    this.handlers = file.handlers;
    this.facts = file.facts;
    this.style = file.style;
  }
}

/** The signals of one file: the facts, the node kinds the walk met, and the text for `mentions`. */
class Signals implements FileSignals {
  readonly seen = new Uint8Array(ts.SyntaxKind.Count);
  private readonly escaped: boolean;

  constructor(
    readonly facts: FactsCollector,
    readonly exports: FileContext['exports'],
    readonly handlers: FileContext['handlers'],
    private readonly text: string,
  ) {
    this.escaped = text.includes('\\u');
  }

  has(kind: ts.SyntaxKind): boolean {
    return this.seen[kind] === 1;
  }

  mentions(word: string): boolean {
    return this.escaped || this.text.includes(word);
  }

  matches(pattern: RegExp): boolean {
    pattern.lastIndex = 0;
    return this.escaped || pattern.test(this.text);
  }
}

/** A rule with `appliesTo`: created after the walk, and only when it applies to the file. */
interface DeferredRule {
  readonly rule: AnyRule;
  readonly ctx: RuleContext<string>;
}

/**
 * The node kinds a rule with `appliesTo` may visit: the walk records these nodes (in document
 * order) for the rules it defers, which get them after the walk.
 */
export const RECORDED_KINDS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.CallExpression,
  ts.SyntaxKind.PropertyAccessExpression,
  ts.SyntaxKind.BinaryExpression,
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.TryStatement,
]);
const RECORDED = new Uint8Array(ts.SyntaxKind.Count);
for (const kind of RECORDED_KINDS) RECORDED[kind] = 1;

/**
 * The enabled rules of one run: their visitors in a table by node kind, what they reported, and
 * which of them crashed (a crashed rule is skipped from then on). Rules with `appliesTo` are
 * deferred: the walk records the nodes they visit, and at the end each one that applies to the
 * file gets them (in document order) and then its `onEnd`; the others are skipped.
 */
class RuleRun {
  readonly findings: Finding[] = [];
  readonly pending = new Map<Finding, PendingFixes>();
  readonly crashed = new Map<string, unknown>();
  private readonly table: (NodeVisitor[] | undefined)[] = [];
  /** Rules in registry order: their end hook, or their deferred visitor. */
  private readonly ends: Array<{
    readonly rule: AnyRule;
    readonly onEnd?: () => void;
    readonly deferred?: DeferredRule;
  }> = [];
  /** Whether some rule is deferred, and the walk's record of the nodes deferred rules may visit. */
  private deferring = false;
  private readonly recorded: ts.Node[] = [];
  private readonly facts: FactsCollector;
  private readonly signals: Signals;

  constructor(
    private readonly doc: ParsedDocument,
    private readonly options: LintOptions,
  ) {
    const project = options.project ?? {};
    const handlers = findHandlers(doc);
    this.facts = new FactsCollector(handlers);
    const exports = findRouteExports(doc);
    this.signals = new Signals(this.facts, exports, handlers, doc.text);
    const file: FileContext = {
      doc,
      sourceFile: doc.sourceFile,
      text: doc.text,
      route: options.route,
      project,
      exports,
      handlers,
      facts: this.facts,
      style: codeStyleOf(doc),
    };
    for (const rule of options.rules ?? RULES) {
      const severity = effectiveSeverity(rule, options.severities);
      if (severity && isVersionApplicable(rule, project))
        this.setUp(rule, new Context(file, this.reporter(rule, severity)));
    }
  }

  /** Runs `fn` for `ruleId` unless it has crashed; a throw marks it crashed. */
  private guard(ruleId: string, fn: () => void): void {
    if (this.crashed.has(ruleId)) return;
    try {
      fn();
    } catch (e) {
      this.crashed.set(ruleId, e);
    }
  }

  private setUp(rule: AnyRule, ctx: RuleContext<string>): void {
    if (rule.appliesTo && this.options.skipRules !== false) {
      this.deferring = true;
      this.ends.push({ rule, deferred: { rule, ctx } });
      return;
    }
    this.guard(rule.id, () => {
      const visitor = rule.create(ctx);
      const crashed = this.crashed;
      const nodes = visitor.nodes ?? {};
      for (const kind in nodes) {
        const fn = nodes[kind as unknown as ts.SyntaxKind]!;
        // The guard written out: this runs for every node of its kind, so no closure per visit.
        (this.table[Number(kind)] ??= []).push((node) => {
          if (crashed.has(rule.id)) return;
          try {
            fn(node);
          } catch (e) {
            crashed.set(rule.id, e);
          }
        });
      }
      this.ends.push(visitor.onEnd ? { rule, onEnd: visitor.onEnd } : { rule });
    });
  }

  private reporter(rule: AnyRule, severity: Severity): (report: Report<string>) => void {
    const doc = this.doc;
    const userSetSeverity = this.options.severities?.[rule.id] !== undefined;
    const messages = rule.messages as Readonly<Record<string, string>>;
    const docsUrl = docsUrlFor(rule.id);
    return (r) => {
      const span = r.span ?? (r.node ? doc.spanOf(r.node) : { start: 0, end: 0 });
      const finding: Finding = {
        ruleId: rule.id,
        messageId: r.messageId,
        message: formatMessage(messages[r.messageId] ?? r.messageId, r.data),
        ...(r.data ? { data: r.data } : {}),
        severity: r.severity && !userSetSeverity ? r.severity : severity,
        span,
        range: doc.rangeOf(span),
        docsUrl,
      };
      this.findings.push(finding);
      if (r.fix || r.suggestions)
        this.pending.set(finding, { ruleId: rule.id, fix: r.fix, suggestions: r.suggestions });
    };
  }

  /**
   * The single walk, feeding the facts, the signals, the visitor table and the record of nodes
   * deferred rules visit. Recursive (fast); a file that nests deeper than the stack allows is
   * recorded as a crash of the walk.
   */
  walk(): void {
    const { facts, table, recorded } = this;
    const wanted = this.deferring ? RECORDED : undefined;
    const seen = this.signals.seen;
    const CALL = ts.SyntaxKind.CallExpression;
    const NEW = ts.SyntaxKind.NewExpression;
    const BINARY = ts.SyntaxKind.BinaryExpression;
    const ELEMENT_ACCESS = ts.SyntaxKind.ElementAccessExpression;
    const visit = (node: ts.Node): undefined => {
      const kind = node.kind;
      seen[kind] = 1;
      if (kind === CALL) facts.visitCall(node as ts.CallExpression);
      else if (kind === NEW) facts.visitNew(node as ts.NewExpression);
      else if (kind === BINARY && (node as ts.BinaryExpression).left.kind === ELEMENT_ACCESS)
        facts.visitBinary(node as ts.BinaryExpression);
      const fns = table[kind];
      if (fns) for (let i = 0; i < fns.length; i++) fns[i]!(node);
      if (wanted !== undefined && wanted[kind] === 1) recorded.push(node);
      forEachChild(node, visit);
      return undefined;
    };
    try {
      forEachChild(this.doc.sourceFile, visit);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      this.crashed.set(WALK, e);
    }
  }

  /** The rules' end hooks, in registry order, once the facts are complete; deferred rules first get their nodes. */
  end(): void {
    for (const { rule, onEnd, deferred } of this.ends) {
      if (deferred) this.guard(rule.id, () => this.runDeferred(deferred));
      else if (onEnd) this.guard(rule.id, onEnd);
    }
  }

  private runDeferred({ rule, ctx }: DeferredRule): void {
    if (!rule.appliesTo!(this.signals)) return;
    const visitor = rule.create(ctx);
    const nodes = visitor.nodes;
    if (nodes) {
      for (const kind in nodes)
        if (!RECORDED_KINDS.has(Number(kind)))
          throw new Error(
            `a rule with appliesTo visits only the kinds the walk records, not ${ts.SyntaxKind[Number(kind)]}`,
          );
      const recorded = this.recorded;
      for (let i = 0; i < recorded.length; i++) {
        const node = recorded[i]!;
        const fn = nodes[node.kind];
        if (fn) fn(node);
      }
    }
    visitor.onEnd?.();
  }
}

function internalErrorFinding(doc: ParsedDocument, messageId: string, message: string, at = 0): Finding {
  const span = { start: at, end: at };
  return {
    ruleId: INTERNAL_ERROR_ID,
    messageId,
    message,
    severity: 'warning',
    span,
    range: doc.rangeOf(span),
    docsUrl: docsUrlFor(INTERNAL_ERROR_ID),
  };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function crashFindings(doc: ParsedDocument, crashed: ReadonlyMap<string, unknown>): Finding[] {
  return [...crashed].map(([ruleId, error]) =>
    internalErrorFinding(
      doc,
      'ruleCrashed',
      ruleId === WALK
        ? 'This file nests too deeply to be checked completely; some checks were skipped.'
        : `The rule \`${ruleId}\` failed on this file and was skipped (${errorText(error)}). Please report this with the file.`,
    ),
  );
}

/** Drops suppressed findings (never internal errors) and duplicates, in document order. */
function finalFindings(doc: ParsedDocument, findings: readonly Finding[]): Finding[] {
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

/** The run's findings with their fixes computed; a fix that throws becomes an `internal-error` finding. */
function withFixes(doc: ParsedDocument, run: LintRun): Finding[] {
  const toFix = (spec: FixSpec): Fix => ({
    title: spec.title,
    edits: spec.edits.map((e): TextEdit => ({
      span: { start: e.start, end: e.end },
      range: doc.rangeOf(e),
      newText: e.text,
    })),
  });
  const crashes: Finding[] = [];
  /** The spec's value, or undefined (and a crash finding) when computing it throws. */
  const resolve = <T>(finding: Finding, ruleId: string, spec: T | (() => T) | undefined): T | undefined => {
    try {
      return typeof spec === 'function' ? (spec as () => T)() : spec;
    } catch (e) {
      const line = finding.range.start.line + 1;
      const message = `The rule \`${ruleId}\` failed while computing a fix for line ${line}, which is offered without it (${errorText(e)}). Please report this with the file.`;
      crashes.push(internalErrorFinding(doc, 'fixCrashed', message, finding.span.start));
      return undefined;
    }
  };
  const findings = run.findings.map((finding): Finding => {
    const pending = run.pending.get(finding);
    if (!pending) return finding;
    const fix = resolve(finding, pending.ruleId, pending.fix);
    const suggestions = resolve(finding, pending.ruleId, pending.suggestions);
    return {
      ...finding,
      ...(fix ? { fix: toFix(fix) } : {}),
      ...(suggestions?.length ? { suggestions: suggestions.map(toFix) } : {}),
    };
  });
  return crashes.length ? finalFindings(doc, [...findings, ...crashes]) : findings;
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
