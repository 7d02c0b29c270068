import * as assert from 'node:assert/strict';
import { inSkippedDir, SKIPPED_GLOB } from '../../src/core/files';

describe('skipped folders (dependencies, build output, VCS data)', () => {
  it('tells a workspace-relative path inside .next or node_modules from a project file', () => {
    assert.ok(inSkippedDir('.next/package.json'));
    assert.ok(inSkippedDir('apps/web/.next/dev/server/app/api/hello/route.js'));
    assert.ok(inSkippedDir('node_modules/next/package.json'));
    assert.ok(inSkippedDir('apps\\web\\node_modules\\x\\package.json'));
    assert.ok(!inSkippedDir('package.json'));
    assert.ok(!inSkippedDir('app/api/next/route.ts'));
    assert.ok(!inSkippedDir('app/api/.nextish/route.ts'));
  });

  it('gives VS Code the same folders as an exclude glob', () => {
    assert.match(SKIPPED_GLOB, /^\{\*\*\/node_modules\/\*\*,\*\*\/\.next\/\*\*,\*\*\/\.git\/\*\*,/);
  });
});
