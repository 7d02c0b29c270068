/**
 * A small table runner for rules, in the shape of typescript-eslint's RuleTester:
 * `valid` cases must produce no finding; `invalid` cases must produce exactly the listed
 * findings, in order: messageId, line/column when given, and `data` whenever the message has
 * placeholders (the message rendered with the expected data must equal the reported one).
 * `output` is the text after applying the rule's safe fixes — which must parse and have no
 * finding of that rule left; `null` means the rule offers no safe fix there. It must be stated
 * for every invalid case of a fixable rule. The suggestions of every finding are stated on its
 * expected error (none when omitted), and each must parse.
 */
import * as assert from 'node:assert/strict';
import { parseDocument } from '../../../src/core/ast/parse';
import { applyEdits, fixAllEdits, lintDocument } from '../../../src/core/lint/lint';
import { formatMessage, type AnyRule, type LintRouteInfo } from '../../../src/core/lint/rule';
import { routePathFromSegments } from '../../../src/core/nextjs/routePath';
import type { Finding } from '../../../src/core/types';

export interface ValidCase {
  /** A behaviour sentence completing "does not flag …" / "flags …". */
  readonly name: string;
  readonly code: string;
  /** Path of the route file; default `app/api/items/route.ts`. */
  readonly filename?: string;
  /** The project's Next.js major version; default unknown. */
  readonly nextMajor?: number;
  readonly only?: boolean;
}

export interface ExpectedError {
  readonly messageId: string;
  /** 1-based, like an editor's status bar. */
  readonly line?: number;
  readonly column?: number;
  readonly data?: Readonly<Record<string, string | number>>;
  /** The finding's severity, when it differs by case (escalations). */
  readonly severity?: string;
  /** Every suggestion of this finding, in order; omit when it has none. */
  readonly suggestions?: readonly ExpectedSuggestion[];
}

export interface ExpectedSuggestion {
  readonly title?: string | RegExp;
  /** The whole text after applying the suggestion. */
  readonly output: string;
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedError[];
  /** Text after applying every safe fix of this rule; `null` when there is none. Required for fixable rules. */
  readonly output?: string | null;
}

export const MIN_CASES = 6;

export function routeInfoFor(filename: string): LintRouteInfo {
  const parts = filename.split('/');
  const app = parts.lastIndexOf('app');
  const segments = parts.slice(app + 1, -1);
  const path = routePathFromSegments(segments);
  return {
    route: path.route,
    pathname: path.pathname,
    params: path.params,
    routable: path.routable,
    problems: path.problems,
  };
}

export function lintWith(
  rule: AnyRule,
  code: string,
  filename = 'app/api/items/route.ts',
  nextMajor?: number,
): Finding[] {
  const options = {
    rules: [rule],
    fixes: true,
    route: routeInfoFor(filename),
    project: nextMajor === undefined ? {} : { nextMajor },
  };
  const findings = lintDocument(parseDocument(filename, code), options);
  // A rule skipped by its `appliesTo` must lose no finding: every case is linted with skipping off too.
  if (rule.appliesTo) {
    const unskipped = lintDocument(parseDocument(filename, code), { ...options, skipRules: false });
    assert.deepEqual(findings, unskipped, `${rule.id}: appliesTo skipped the rule where it reports`);
  }
  return findings;
}

function describeFindings(findings: readonly Finding[]): string {
  return (
    findings
      .map(
        (f) => `  ${f.ruleId}/${f.messageId} at ${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.message}`,
      )
      .join('\n') || '  (none)'
  );
}

/** Fix passes the tester applies before the code must be clean (a fix may reveal a finding, as ESLint's `--fix` loop allows). */
const MAX_FIX_PASSES = 10;

function assertFixedOutputIsClean(rule: AnyRule, output: string, c: ValidCase): void {
  const filename = c.filename ?? 'app/api/items/route.ts';
  let text = output;
  for (let pass = 1; ; pass++) {
    assert.deepEqual(
      parseDocument(filename, text).parseErrors.map((e) => e.message),
      [],
      `fixed code does not parse (fix pass ${pass}):\n${text}`,
    );
    const again = lintWith(rule, text, filename, c.nextMajor).filter((f) => f.ruleId === rule.id);
    if (again.length === 0) return;
    const edits = fixAllEdits(again);
    assert.ok(
      edits.length > 0 && pass < MAX_FIX_PASSES,
      `fixed code still has findings (after ${pass} fix pass(es)):\n${text}\n${describeFindings(again)}`,
    );
    text = applyEdits(text, edits);
  }
}

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** The data that renders `template` as `message`, to show in a failure (best effort). */
export function dataFromMessage(template: string, message: string): Record<string, string> | undefined {
  const names: string[] = [];
  const source = template
    .split(PLACEHOLDER)
    .map((part, i) => {
      if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part);
      return '(.*?)';
    })
    .join('');
  const match = new RegExp(`^${source}$`, 's').exec(message);
  if (!match) return undefined;
  return Object.fromEntries(names.map((name, i) => [name, match[i + 1]!]));
}

function assertMessage(rule: AnyRule, f: Finding, expected: ExpectedError, label: string): void {
  const template = (rule.messages as Readonly<Record<string, string>>)[expected.messageId] ?? '';
  assert.ok(!/\{\{\s*\w+\s*\}\}/.test(f.message), `${label}: the message has an unfilled placeholder: ${f.message}`);
  const placeholders = placeholdersOf(template);
  if (placeholders.length === 0) {
    assert.equal(expected.data, undefined, `${label}: the message '${expected.messageId}' takes no data`);
    return;
  }
  const actual = JSON.stringify(dataFromMessage(template, f.message));
  assert.ok(expected.data, `${label}: state the message data (${placeholders.join(', ')}); reported: ${actual}`);
  assert.equal(f.message, formatMessage(template, expected.data), `${label}: message data (reported: ${actual})`);
}

function assertSuggestions(code: string, filename: string, f: Finding, expected: ExpectedError, label: string): void {
  const suggestions = f.suggestions ?? [];
  const stated = expected.suggestions ?? [];
  assert.equal(
    suggestions.length,
    stated.length,
    `${label}: number of suggestions (offered: ${suggestions.map((s) => JSON.stringify(s.title)).join(', ') || 'none'})`,
  );
  stated.forEach((want, i) => {
    const s = suggestions[i]!;
    if (typeof want.title === 'string') assert.equal(s.title, want.title, `${label}: title of suggestion ${i + 1}`);
    else if (want.title) assert.match(s.title, want.title, `${label}: title of suggestion ${i + 1}`);
    const fixed = applyEdits(code, s.edits);
    assert.equal(fixed, want.output, `${label}: output of suggestion ${i + 1}`);
    assert.deepEqual(
      parseDocument(filename, fixed).parseErrors.map((e) => e.message),
      [],
      `${label}: suggestion ${i + 1} output does not parse:\n${fixed}`,
    );
  });
}

function assertFindings(rule: AnyRule, c: InvalidCase, findings: readonly Finding[]): void {
  assert.equal(
    findings.length,
    c.errors.length,
    `expected ${c.errors.length} finding(s), got:\n${describeFindings(findings)}`,
  );
  const filename = c.filename ?? 'app/api/items/route.ts';
  c.errors.forEach((expected, i) => {
    const f = findings[i]!;
    const label = `finding ${i + 1}`;
    assert.equal(f.ruleId, rule.id, describeFindings(findings));
    assert.equal(f.messageId, expected.messageId, describeFindings(findings));
    if (expected.line !== undefined) assert.equal(f.range.start.line + 1, expected.line, `line of ${label}`);
    if (expected.column !== undefined) assert.equal(f.range.start.character + 1, expected.column, `column of ${label}`);
    if (expected.severity !== undefined) assert.equal(f.severity, expected.severity, `severity of ${label}`);
    assertMessage(rule, f, expected, label);
    assertSuggestions(c.code, filename, f, expected, label);
  });
}

function assertOutput(rule: AnyRule, c: InvalidCase, findings: readonly Finding[]): void {
  const edits = fixAllEdits(findings);
  if (c.output === undefined) {
    assert.ok(
      rule.meta.fixable !== 'safe' && edits.length === 0,
      'state `output` (the fixed text, or null when there is no safe fix) for every invalid case of a fixable rule',
    );
    return;
  }
  if (c.output === null) {
    assert.equal(edits.length, 0, `expected no safe fix, got:\n${applyEdits(c.code, edits)}`);
    return;
  }
  assert.ok(edits.length > 0, 'expected a safe fix');
  const fixed = applyEdits(c.code, edits);
  assert.equal(fixed, c.output);
  assertFixedOutputIsClean(rule, fixed, c);
}

export interface RuleTable {
  readonly rule: AnyRule;
  readonly cases: { readonly valid: readonly ValidCase[]; readonly invalid: readonly InvalidCase[] };
}

/** Every table passed to `ruleTester`, in load order: the ESLint plugin's tests run them through ESLint's RuleTester too. */
export const RULE_TABLES: RuleTable[] = [];

export function ruleTester(
  rule: AnyRule,
  cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] },
): void {
  RULE_TABLES.push({ rule, cases });
  describe(`rule ${rule.id}`, () => {
    it(`has at least ${MIN_CASES} must-flag and ${MIN_CASES} must-not-flag cases`, () => {
      assert.ok(cases.valid.length >= MIN_CASES, `only ${cases.valid.length} valid cases`);
      assert.ok(cases.invalid.length >= MIN_CASES, `only ${cases.invalid.length} invalid cases`);
    });

    for (const c of cases.valid) {
      (c.only ? it.only : it)(`does not flag ${c.name}`, () => {
        const findings = lintWith(rule, c.code, c.filename, c.nextMajor);
        assert.equal(findings.length, 0, `expected no findings, got:\n${describeFindings(findings)}`);
      });
    }

    for (const c of cases.invalid) {
      (c.only ? it.only : it)(`flags ${c.name}`, () => {
        const findings = lintWith(rule, c.code, c.filename, c.nextMajor);
        assertFindings(rule, c, findings);
        assertOutput(rule, c, findings);
      });
    }
  });
}
