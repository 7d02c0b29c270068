/**
 * Rules with `appliesTo` are skipped on files whose signals rule them out (no CORS header
 * written, no body read, no cookie named …). Skipping must never change a finding: these tests
 * lint real corpora with skipping on and off and compare every finding, fixes included.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { parseDocument } from '../../../src/core/ast/parse';
import { lintDocument } from '../../../src/core/lint/lint';
import { lintProjectInfo, lintRouteInfo } from '../../../src/core/lint/files';
import { defineRule, type AnyRule } from '../../../src/core/lint/rule';
import { ProjectIndex } from '../../../src/core/nextjs/project';
import { RULES } from '../../../src/core/rules';
import { REPO_ROOT } from '../../support/nextDev';

function routeFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === '.next') continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...routeFiles(full));
    else if (/^route\.(ts|tsx|js|jsx|mjs)$/.test(e.name)) out.push(full);
  }
  return out.sort();
}

/** The rules, each counting how often the engine creates it. */
function countingRules(created: Map<string, number>): AnyRule[] {
  return RULES.map((rule: AnyRule) =>
    defineRule({
      ...rule,
      create(ctx) {
        created.set(rule.id, (created.get(rule.id) ?? 0) + 1);
        return rule.create(ctx);
      },
    }),
  );
}

/** Lints every file with skipping on and off (fresh parses each time) and compares the findings. */
function assertSkippingChangesNothing(files: readonly string[]): {
  withSkip: Map<string, number>;
  all: Map<string, number>;
} {
  const index = new ProjectIndex();
  const withSkip = new Map<string, number>();
  const all = new Map<string, number>();
  const skipping = countingRules(withSkip);
  const everything = countingRules(all);
  for (const file of files) {
    const info = index.routeFile(file);
    const text = fs.readFileSync(file, 'utf8');
    const base = {
      fixes: true,
      ...(info ? { route: lintRouteInfo(info) } : {}),
      project: lintProjectInfo(index.layoutFor(file)),
    };
    const skipped = lintDocument(parseDocument(file, text), { ...base, rules: skipping });
    const full = lintDocument(parseDocument(file, text), { ...base, rules: everything, skipRules: false });
    assert.deepEqual(skipped, full, `findings differ with rule skipping on ${path.relative(REPO_ROOT, file)}`);
  }
  return { withSkip, all };
}

const total = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);

describe('lint engine: rules skipped by their appliesTo', function () {
  this.timeout(120000);

  it('finds the same findings and fixes with skipping on and off in every fixture app and seed sample', () => {
    const files = ['workspace', 'seed', 'auth-app', 'infer-app'].flatMap((d) =>
      routeFiles(path.join(REPO_ROOT, 'test', 'fixtures', d)),
    );
    assert.ok(files.length > 20, `only ${files.length} fixture route files`);
    const { withSkip, all } = assertSkippingChangesNothing(files);
    assert.ok(total(withSkip) < total(all), 'no rule was skipped on any fixture file');
  });

  it('finds the same findings and fixes with skipping on and off in a generated corpus of 200 route files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrk-skip-'));
    try {
      const corpusModule = path.join(REPO_ROOT, 'bench', 'generate-corpus.mjs');
      const { generateCorpus } = (await import(corpusModule)) as {
        generateCorpus: (outDir: string, count: number) => { files: string[] };
      };
      const { files } = generateCorpus(dir, 200);
      const { withSkip, all } = assertSkippingChangesNothing(files);
      assert.ok(total(withSkip) < total(all) * 0.9, `skipping created ${total(withSkip)} of ${total(all)} rules`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports a rule with appliesTo that visits a node kind the walk does not record as an internal error', () => {
    const rule = defineRule({
      id: 'visits-identifiers',
      meta: { description: 'test', defaultSeverity: 'warning', fixable: false },
      messages: { seen: 'seen' },
      appliesTo: () => true,
      create: (ctx) => ({ nodes: { [ts.SyntaxKind.Identifier]: (node) => ctx.report({ node, messageId: 'seen' }) } }),
    });
    const findings = lintDocument(parseDocument('app/api/x/route.ts', 'export const GET = () => x;\n'), {
      rules: [rule],
    });
    assert.deepEqual(
      findings.map((f) => f.ruleId),
      ['internal-error'],
    );
    assert.match(findings[0]!.message, /Identifier/);
  });
});
