import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { defaultCacheDir, requireWithCodeCache } from '../../../src/core/cli/codeCache';

describe('the CLI code cache', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrk-codecache-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const bundle = (text: string): string => {
    const file = path.join(dir, 'bundle.js');
    fs.writeFileSync(file, text);
    return file;
  };
  const cacheFiles = (): string[] => fs.readdirSync(path.join(dir, 'cache')).sort();

  it('creates the cache on the first run and uses it on the next, with the same exports', () => {
    const file = bundle(`#!/usr/bin/env node\nexports.answer = () => 6 * 7;\nexports.dir = __dirname;\n`);
    const first = requireWithCodeCache(file, { variant: 'lint', cacheDir: path.join(dir, 'cache') });
    assert.equal(first.status, 'created');
    first.save();
    assert.equal(cacheFiles().length, 1);
    const second = requireWithCodeCache(file, { variant: 'lint', cacheDir: path.join(dir, 'cache') });
    assert.equal(second.status, 'used');
    const exports = second.exports as { answer(): number; dir: string };
    assert.equal(exports.answer(), 42);
    assert.equal(exports.dir, dir);
  });

  it('keeps one cache per command and replaces a cache when the bundle changes', () => {
    const file = bundle(`exports.v = 1;\n`);
    const cacheDir = path.join(dir, 'cache');
    requireWithCodeCache(file, { variant: 'lint', cacheDir }).save();
    requireWithCodeCache(file, { variant: 'routes', cacheDir }).save();
    assert.equal(cacheFiles().length, 2);
    const before = cacheFiles();
    fs.writeFileSync(file, `exports.v = 22;\n`);
    const changed = requireWithCodeCache(file, { variant: 'lint', cacheDir });
    assert.equal(changed.status, 'created', 'a changed bundle never runs an old cache');
    assert.equal((changed.exports as { v: number }).v, 22);
    changed.save();
    const after = cacheFiles();
    assert.equal(after.length, 2, 'the stale lint cache was removed');
    assert.notDeepEqual(after, before);
  });

  it('loads without a cache when NODE_DISABLE_COMPILE_CACHE is set or the cache folder cannot be written', () => {
    const file = bundle(`exports.ok = true;\n`);
    process.env['NODE_DISABLE_COMPILE_CACHE'] = '1';
    try {
      const off = requireWithCodeCache(file, { variant: 'x', cacheDir: path.join(dir, 'cache') });
      assert.equal(off.status, 'off');
      assert.equal((off.exports as { ok: boolean }).ok, true);
    } finally {
      delete process.env['NODE_DISABLE_COMPILE_CACHE'];
    }
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    const loaded = requireWithCodeCache(file, { variant: 'x', cacheDir: path.join(blocker, 'cache') });
    loaded.save();
    assert.equal((loaded.exports as { ok: boolean }).ok, true);
  });

  it('keeps caches in a per-user folder unless NEXT_ROUTE_KIT_CACHE_DIR names one', () => {
    assert.equal(defaultCacheDir({ NEXT_ROUTE_KIT_CACHE_DIR: '/x/y' }), '/x/y');
    assert.ok(defaultCacheDir({}).endsWith(path.join('next-route-kit', 'v8')));
  });
});
