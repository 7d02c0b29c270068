/** Meta-tests that keep the project's conventions true. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import * as ts from 'typescript';
import { applyManifestPart } from '../../scripts/manifest';
import { renderReadme, ROOT, ruleDocFile } from '../../scripts/readme';
import { COMMANDS } from '../../src/constants';
import { nameText } from '../../src/core/ast/query';
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

/** The literal text parts of a string or template expression (what a reader would see). */
function literalTexts(node: ts.Node): string[] {
  if (ts.isStringLiteralLike(node)) return [node.text];
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
  const out: string[] = [];
  node.forEachChild((child) => void out.push(...literalTexts(child)));
  return out;
}

const MAX_FUNCTION_LINES = 60;

/** Paths left out of the function-length check (none: the send flow is merged). */
const FLOW_HELPER_PATHS: readonly string[] = [];

/** Functions longer than the limit today, as `path: name`; each one split removes its entry. */
const LONG_FUNCTIONS_TO_SPLIT: readonly string[] = [
  'src/core/request/infer.ts: useOf',
  'src/core/request/zod.ts: rootValue',
];

/** `path: name (lines)` for each function in the file longer than MAX_FUNCTION_LINES. */
function longFunctions(rel: string): string[] {
  const sf = ts.createSourceFile(rel, fs.readFileSync(path.join(ROOT, rel), 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const line = (pos: number): number => sf.getLineAndCharacterOfPosition(pos).line;
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const lines = line(node.end) - line(node.getStart(sf)) + 1;
      if (lines > MAX_FUNCTION_LINES) out.push(`${rel}: ${functionName(node)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** A function's name, or `(anonymous in <enclosing name>)` — stable when lines move. */
function functionName(node: ts.Node): string {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (!ts.isFunctionLike(n)) continue;
    const named =
      n.name ?? (ts.isPropertyAssignment(n.parent) || ts.isVariableDeclaration(n.parent) ? n.parent.name : undefined);
    const name = named && nameText(named);
    if (name) return n === node ? name : `(anonymous in ${name})`;
  }
  return '(anonymous)';
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

  it('cites only what a reader can open: no comment or text names the internal contract documents', () => {
    // Built from parts so that this file does not match itself.
    const forbidden = new RegExp(
      ['NEXTJS-' + 'FACTS', 'STYLE' + '\\.md', 'PRODUCT' + '\\.md', '/work/' + 'shared'].join('|'),
    );
    const files = ['src', 'test/unit', 'test/support', 'test/e2e', 'scripts', 'bench', 'docs']
      .map((dir) => path.join(ROOT, dir))
      .filter((dir) => fs.existsSync(dir))
      .flatMap((dir) => ['.ts', '.md', '.mjs', '.cjs'].flatMap((ext) => filesUnder(dir, ext)));
    const offenders = [...files, path.join(ROOT, 'README.md')].filter((f) =>
      forbidden.test(fs.readFileSync(f, 'utf8')),
    );
    assert.deepEqual(
      offenders.map((f) => path.relative(ROOT, f)),
      [],
    );
  });

  it('writes code action titles as plain text (menus show backticks literally)', () => {
    const files = [...filesUnder(path.join(ROOT, 'src/core/rules')), path.join(ROOT, 'src/vscode/codeActions.ts')];
    const offenders: string[] = [];
    for (const file of files) {
      const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        const isTitle =
          (ts.isPropertyAssignment(node) && nameText(node.name) === 'title') ||
          (ts.isVariableDeclaration(node) && nameText(node.name) === 'title') ||
          (ts.isBinaryExpression(node) && ts.isPropertyAccessExpression(node.left) && node.left.name.text === 'title');
        const value = ts.isBinaryExpression(node)
          ? node.right
          : isTitle
            ? (node as ts.HasExpressionInitializer).initializer
            : undefined;
        if (isTitle && value && /`/.test(literalTexts(value).join('')))
          offenders.push(`${path.relative(ROOT, file)}: ${value.getText(sf)}`);
        ts.forEachChild(node, visit);
      };
      visit(sf);
    }
    assert.deepEqual(offenders, []);
  });

  it('defines the repository and docs URL once (src/core/links.ts)', () => {
    const offenders = filesUnder(path.join(ROOT, 'src')).filter(
      (f) =>
        !f.endsWith(path.join('src', 'core', 'links.ts')) &&
        fs.readFileSync(f, 'utf8').includes('github.com/next-route-kit/next-route-kit'),
    );
    assert.deepEqual(
      offenders.map((f) => path.relative(ROOT, f)),
      [],
    );
  });

  it(`keeps every function in src/ under ${MAX_FUNCTION_LINES} lines (nested functions count toward their parent)`, () => {
    const skipped = (rel: string): boolean => FLOW_HELPER_PATHS.some((p) => rel === p || rel.startsWith(p + '/'));
    const long = filesUnder(path.join(ROOT, 'src'))
      .map((f) => path.relative(ROOT, f).split(path.sep).join('/'))
      .filter((rel) => !skipped(rel))
      .flatMap((rel) => [...new Set(longFunctions(rel))]);
    assert.deepEqual(
      long.filter((f) => !LONG_FUNCTIONS_TO_SPLIT.includes(f)),
      [],
      'split these into named steps',
    );
    assert.deepEqual(
      LONG_FUNCTIONS_TO_SPLIT.filter((f) => !long.includes(f)),
      [],
      'now short enough: remove them from LONG_FUNCTIONS_TO_SPLIT',
    );
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
