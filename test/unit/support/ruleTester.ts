/**
 * A small table runner for rules, in the shape of typescript-eslint's RuleTester:
 * `valid` cases must produce no finding; `invalid` cases must produce exactly the listed
 * findings (by messageId, and line/column when given). `output` is the text after applying
 * the rule's safe fixes — which must parse and have no finding of that rule left; `null`
 * means the rule offers no safe fix there. Suggestions are checked the same way.
 */
import * as assert from 'node:assert/strict';
import { parseDocument } from '../../../src/core/ast/parse';
import { applyEdits, fixAllEdits, lintDocument } from '../../../src/core/lint/lint';
import type { AnyRule, LintRouteInfo } from '../../../src/core/lint/rule';
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
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedError[];
  /** Text after applying every safe fix of this rule; `null` when there is none. Omit to skip. */
  readonly output?: string | null;
  /** Expected outputs of the suggestions of the first finding, in order. */
  readonly suggestions?: readonly { readonly title?: string | RegExp; readonly output: string }[];
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
  const doc = parseDocument(filename, code);
  return lintDocument(doc, {
    rules: [rule],
    route: routeInfoFor(filename),
    project: nextMajor === undefined ? {} : { nextMajor },
  });
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

function assertFixedOutputIsClean(rule: AnyRule, output: string, c: ValidCase): void {
  const filename = c.filename ?? 'app/api/items/route.ts';
  const doc = parseDocument(filename, output);
  assert.deepEqual(
    doc.parseErrors.map((e) => e.message),
    [],
    `fixed code does not parse:\n${output}`,
  );
  const again = lintWith(rule, output, filename, c.nextMajor);
  assert.deepEqual(
    again.filter((f) => f.ruleId === rule.id).map((f) => f.messageId),
    [],
    `fixed code still has findings:\n${output}\n${describeFindings(again)}`,
  );
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
        assert.equal(
          findings.length,
          c.errors.length,
          `expected ${c.errors.length} finding(s), got:\n${describeFindings(findings)}`,
        );
        c.errors.forEach((expected, i) => {
          const f = findings[i]!;
          assert.equal(f.ruleId, rule.id, describeFindings(findings));
          assert.equal(f.messageId, expected.messageId, describeFindings(findings));
          if (expected.line !== undefined)
            assert.equal(f.range.start.line + 1, expected.line, `line of finding ${i + 1}`);
          if (expected.column !== undefined)
            assert.equal(f.range.start.character + 1, expected.column, `column of finding ${i + 1}`);
          if (expected.severity !== undefined)
            assert.equal(f.severity, expected.severity, `severity of finding ${i + 1}`);
          if (expected.data) {
            for (const [k, v] of Object.entries(expected.data))
              assert.ok(f.message.includes(String(v)), `message should mention ${k}=${v}: ${f.message}`);
          }
          assert.ok(!/\{\{\s*\w+\s*\}\}/.test(f.message), `message has an unfilled placeholder: ${f.message}`);
        });
        if (c.output !== undefined) {
          const edits = fixAllEdits(findings);
          if (c.output === null) {
            assert.equal(edits.length, 0, 'expected no safe fix');
          } else {
            assert.ok(edits.length > 0, 'expected a safe fix');
            const fixed = applyEdits(c.code, edits);
            assert.equal(fixed, c.output);
            assertFixedOutputIsClean(rule, fixed, c);
          }
        }
        if (c.suggestions) {
          const suggestions = findings[0]?.suggestions ?? [];
          assert.equal(suggestions.length, c.suggestions.length, 'number of suggestions');
          c.suggestions.forEach((expected, i) => {
            const s = suggestions[i]!;
            if (expected.title !== undefined) {
              if (typeof expected.title === 'string') assert.equal(s.title, expected.title);
              else assert.match(s.title, expected.title);
            }
            const fixed = applyEdits(c.code, s.edits);
            assert.equal(fixed, expected.output);
            const doc = parseDocument(c.filename ?? 'app/api/items/route.ts', fixed);
            assert.deepEqual(
              doc.parseErrors.map((e) => e.message),
              [],
              `suggestion output does not parse:\n${fixed}`,
            );
          });
        }
      });
    }
  });
}
