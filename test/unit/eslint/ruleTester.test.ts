/**
 * Every rule's test table (test/unit/rules/<id>.test.ts) run again through ESLint's own
 * RuleTester and the plugin, on ESLint 9 and 10: same findings (message id, line, column),
 * same safe-fix output, same suggestions. JavaScript route files are parsed by ESLint's
 * default parser (espree), TypeScript ones by typescript-eslint's parser, as in a project.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { RuleTester as RuleTester9 } from 'eslint';
import type { RuleTester as RuleTesterType } from 'eslint';
import plugin from '../../../src/eslint/plugin';
import type { AnyRule } from '../../../src/core/lint/rule';
import { RULES } from '../../../src/core/rules';
import { lintWith, RULE_TABLES, type InvalidCase, type ValidCase } from '../support/ruleTester';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { RuleTester: RuleTester10 } = require('eslint-v10') as { RuleTester: typeof RuleTester9 };

const DEFAULT_FILENAME = 'app/api/items/route.ts';
const RULES_DIR = path.join(__dirname, '..', 'rules');

// Load the tables (each file also runs them through our own runner, once): a synchronous
// require, so they are registered before the describe blocks below are built.
for (const rule of RULES as readonly AnyRule[])
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- file names known only at run time
  require(path.join(RULES_DIR, `${rule.id}.test.ts`));

function isTypeScript(c: ValidCase): boolean {
  return /\.(m|c)?tsx?$/.test(c.filename ?? DEFAULT_FILENAME);
}

function common(c: ValidCase): RuleTesterType.ValidTestCase {
  return {
    name: c.name,
    code: c.code,
    filename: c.filename ?? DEFAULT_FILENAME,
    // Unknown version in a table means "assume the newest behaviour".
    settings: { nextRouteKit: { nextVersion: c.nextMajor ?? 'latest' } },
    ...(c.only ? { only: true } : {}),
  };
}

/**
 * ESLint's RuleTester needs a title (`desc`) for every suggestion; where a table matches the
 * title with a pattern or leaves it out, it must equal our core's title for that suggestion.
 */
function invalidCase(rule: AnyRule, c: InvalidCase): RuleTesterType.InvalidTestCase {
  const findings = lintWith(rule, c.code, c.filename, c.nextMajor);
  return {
    ...common(c),
    // Tables state the output of every fixable rule's case; `null` (no fix) for the others.
    output: c.output ?? null,
    errors: c.errors.map((e, i) => ({
      messageId: e.messageId,
      ...(e.line !== undefined ? { line: e.line } : {}),
      ...(e.column !== undefined ? { column: e.column } : {}),
      ...(e.data ? { data: e.data } : {}),
      ...(e.suggestions
        ? {
            suggestions: e.suggestions.map((s, k) => ({
              desc: typeof s.title === 'string' ? s.title : (findings[i]?.suggestions?.[k]?.title ?? ''),
              output: s.output,
            })),
          }
        : {}),
    })),
  };
}

function runTables(label: string, RuleTester: typeof RuleTester9): void {
  describe(`the ESLint plugin under ${label}'s RuleTester`, () => {
    const typescript = new RuleTester({ languageOptions: { parser: tsParser } });
    const javascript = new RuleTester({});
    for (const { rule, cases } of RULE_TABLES) {
      const eslintRule = plugin.rules[rule.id];
      if (!eslintRule) throw new Error(`the plugin has no rule ${rule.id}`);
      for (const [tester, ts] of [
        [typescript, true],
        [javascript, false],
      ] as const) {
        const valid = cases.valid.filter((c) => isTypeScript(c) === ts).map(common);
        const invalid = cases.invalid.filter((c) => isTypeScript(c) === ts).map((c) => invalidCase(rule, c));
        if (valid.length + invalid.length === 0) continue;
        tester.run(`${plugin.meta.name}/${rule.id} (${ts ? 'typescript-eslint parser' : 'espree'})`, eslintRule, {
          valid,
          invalid,
        });
      }
    }
  });
}

runTables('ESLint 9', RuleTester9);
runTables('ESLint 10', RuleTester10);

describe('the rule tables seen by the ESLint RuleTester', () => {
  it('include one table per rule of the plugin', () => {
    const tabled = new Set(RULE_TABLES.map((t) => t.rule.id));
    const missing = (RULES as readonly AnyRule[]).map((r) => r.id).filter((id) => !tabled.has(id));
    if (missing.length) throw new Error(`rules without a table: ${missing.join(', ')}`);
    if (!fs.existsSync(RULES_DIR)) throw new Error('no rules folder');
  });
});
