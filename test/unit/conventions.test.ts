/** Meta-tests that keep the project's conventions true (STYLE.md §12). */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { applyManifestPart } from '../../scripts/manifest';
import { renderReadme, ROOT, ruleDocFile } from '../../scripts/readme';
import { COMMANDS } from '../../src/constants';
import type { AnyRule } from '../../src/core/lint/rule';
import { PROJECT_CHECKS } from '../../src/core/lint/project';
import { RULES } from '../../src/core/rules';
import { allSettingSpecs, CONFIG_SECTION, DEFAULT_SETTINGS } from '../../src/core/settings';

function filesUnder(dir: string, ext = '.ts'): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => path.join(e.parentPath, e.name));
}

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('conventions', () => {
  describe('rules', () => {
    const ruleFiles = fs
      .readdirSync(path.join(ROOT, 'src/core/rules'))
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts');

    it('registers every rule module in src/core/rules/index.ts, once', () => {
      const ids = (RULES as readonly AnyRule[]).map((r) => r.id);
      assert.deepEqual([...ids].sort(), ruleFiles.map((f) => f.replace(/\.ts$/, '')).sort());
      assert.equal(new Set(ids).size, ids.length);
    });

    for (const rule of RULES as readonly AnyRule[]) {
      it(`gives ${rule.id} a test table, a docs page with examples, and messages without typos in placeholders`, () => {
        assert.ok(fs.existsSync(path.join(ROOT, 'test/unit/rules', `${rule.id}.test.ts`)), 'missing test table');
        const doc = fs.readFileSync(ruleDocFile(rule.id), 'utf8');
        assert.match(doc, /❌ Incorrect/);
        assert.match(doc, /✅ Correct/);
        assert.match(doc, /\*\*Why it matters\.\*\*/);
        assert.ok(rule.meta.description.length > 10);
        for (const message of Object.values(rule.messages))
          assert.doesNotMatch(message as string, /\{\{\s*\}\}|\{\{[^}]*$/);
      });
    }
  });

  it('writes the code of rule test tables as multi-line template literals, not "\\n" escapes', () => {
    const offenders = filesUnder(path.join(ROOT, 'test/unit/rules')).flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${path.relative(ROOT, file)}:${i + 1}` }))
        .filter(({ line }) => /^\s*(code|output):.*(?<!\\)\\n/.test(line))
        .map(({ at }) => at),
    );
    assert.deepEqual(offenders, []);
  });

  it('documents every project check', () => {
    for (const c of Object.values(PROJECT_CHECKS)) {
      const doc = fs.readFileSync(ruleDocFile(c.id), 'utf8');
      assert.match(doc, /\*\*Why it matters\.\*\*/, c.id);
    }
  });

  it('has a rule or project check for every docs/rules page', () => {
    const ids = new Set([...(RULES as readonly AnyRule[]).map((r) => r.id), ...Object.keys(PROJECT_CHECKS)]);
    const pages = fs.readdirSync(path.join(ROOT, 'docs/rules')).map((f) => f.replace(/\.md$/, ''));
    assert.deepEqual(
      pages.filter((p) => !ids.has(p)),
      [],
    );
  });

  it('keeps README.md generated sections (settings, rules) up to date — run `npm run docs`', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.equal(readme, renderReadme(readme));
  });

  it('keeps request inference independent of the linter: src/core/request imports nothing from src/core/lint', () => {
    const offenders = filesUnder(path.join(ROOT, 'src/core/request')).filter((f) =>
      /(?:from\s+|require\(\s*|import\(\s*)['"](?:\.\.\/)+lint\//.test(fs.readFileSync(f, 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });

  it('never imports vscode from src/core', () => {
    const offenders = filesUnder(path.join(ROOT, 'src/core')).filter((f) =>
      /(?:from\s+|require\(\s*|import\(\s*)['"]vscode['"]/.test(fs.readFileSync(f, 'utf8')),
    );
    assert.deepEqual(offenders, []);
  });

  it('keeps package.json contributions in sync with the COMMANDS and SETTINGS tables — run `npm run sync-manifest`', () => {
    assert.deepEqual(pkg, applyManifestPart(pkg));
  });

  it('lists every command of the COMMANDS table in package.json, and nothing else', () => {
    const contributed = (pkg.contributes.commands as Array<{ command: string }>).map((c) => c.command).sort();
    assert.deepEqual(contributed, Object.keys(COMMANDS).sort());
  });

  it('maps every contributed setting to a field of the typed Settings', () => {
    const keys = Object.keys(
      Object.assign({}, ...(pkg.contributes.configuration as Array<{ properties: object }>).map((s) => s.properties)),
    );
    assert.deepEqual(
      keys.sort(),
      allSettingSpecs()
        .map((s) => `${CONFIG_SECTION}.${s.key}`)
        .sort(),
    );
    for (const spec of allSettingSpecs()) {
      const [section, key] = spec.key.split('.') as [keyof typeof DEFAULT_SETTINGS, string];
      const value = (DEFAULT_SETTINGS[section] as Record<string, unknown>)[key];
      assert.deepEqual(value, spec.default, `Settings.${spec.key} default`);
    }
  });

  it('declares a scope and a markdownDescription for every setting', () => {
    for (const section of pkg.contributes.configuration as Array<{
      properties: Record<string, { scope?: string; markdownDescription?: string }>;
    }>) {
      for (const [key, prop] of Object.entries(section.properties)) {
        assert.ok(prop.scope, `${key} has no scope`);
        assert.ok(prop.markdownDescription, `${key} has no markdownDescription`);
      }
    }
  });

  it('keeps the TypeScript parser and undici out of dist/extension.js (they load on first use from dist/engine.js)', async () => {
    const result = await esbuild.build({
      entryPoints: [path.join(ROOT, 'src/extension.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      write: false,
      metafile: true,
      external: ['vscode'],
      logLevel: 'silent',
      plugins: [
        {
          name: 'engine',
          setup: (b) => b.onResolve({ filter: /^\.\/engine\.js$/ }, (a) => ({ path: a.path, external: true })),
        },
      ],
    });
    const inputs = Object.keys(result.metafile.inputs);
    assert.deepEqual(
      inputs.filter((i) => /node_modules\/(typescript|undici)\//.test(i)),
      [],
    );
    const size = result.outputFiles[0]!.contents.length;
    assert.ok(size < 400_000, `dist/extension.js is ${size} bytes`);
  });
});
