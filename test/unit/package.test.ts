import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/nextDev';

describe('packaging', () => {
  const vsce = path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');

  it('packages a .vsix: README images and links resolve against the repository (vsce rejects ones it cannot rewrite)', function () {
    this.timeout(120000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrk-vsix-'));
    try {
      const out = path.join(dir, 'next-route-kit.vsix');
      const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      });
      assert.equal(r.status, 0, `${r.stdout}\n${r.stderr}`);
      assert.ok(fs.statSync(out).size > 100_000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('packs only the allow-listed files: the bundles, snippets, grammar, docs, README — nothing from src/ or test/', function () {
    this.timeout(60000);
    const out = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: REPO_ROOT, encoding: 'utf8' });
    const files = out
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    assert.ok(files.includes('dist/extension.js'), files.join('\n'));
    assert.ok(files.includes('dist/engine.js'));
    assert.ok(files.includes('README.md'));
    assert.ok(files.includes('package.json'));
    assert.ok(files.includes('media/icon.png'));
    assert.ok(files.some((f) => f.startsWith('docs/rules/')));
    assert.ok(
      files.includes('snippets/typescript.json') && files.includes('snippets/javascript.json'),
      'the snippet files',
    );
    assert.deepEqual(
      files.filter(
        (f) => /^(src|test|bench|scripts|node_modules)\//.test(f) || f.endsWith('.map') || f === 'dist/cli.js',
      ),
      [],
    );
  });
});
