import * as assert from 'node:assert/strict';
import { DEFAULT_SETTINGS, parseSettings } from '../../src/core/settings';

describe('settings', () => {
  it('gives every setting its default when nothing is set', () => {
    assert.equal(DEFAULT_SETTINGS.lint.enable, true);
    assert.equal(DEFAULT_SETTINGS.snippets.scope, 'routeFiles');
    assert.equal(DEFAULT_SETTINGS.request.timeoutMs, 30000);
    assert.equal(DEFAULT_SETTINGS.request.followRedirects, false);
    assert.equal(DEFAULT_SETTINGS.request.maxDisplayBytes, 5 * 1024 * 1024);
    assert.deepEqual(DEFAULT_SETTINGS.lint.rules, {});
  });

  it('reads nested objects as VS Code returns them', () => {
    const s = parseSettings({
      lint: { enable: false, rules: { 'create-status': 'off' } },
      request: { baseUrl: ' http://localhost:4000 ' },
    });
    assert.equal(s.lint.enable, false);
    assert.deepEqual(s.lint.rules, { 'create-status': 'off' });
    assert.equal(s.request.baseUrl, 'http://localhost:4000');
  });

  it('reads flat dotted keys', () => {
    assert.equal(parseSettings({ 'snippets.scope': 'everywhere' }).snippets.scope, 'everywhere');
  });

  it('falls back to defaults for values of the wrong type or outside the enum', () => {
    const s = parseSettings({
      lint: { enable: 'yes', debounceMs: 'fast' },
      snippets: { scope: 'sometimes' },
      request: { headers: ['x'] },
    });
    assert.equal(s.lint.enable, true);
    assert.equal(s.lint.debounceMs, 200);
    assert.equal(s.snippets.scope, 'routeFiles');
    assert.deepEqual(s.request.headers, {});
  });

  it('clamps numbers to their allowed range', () => {
    assert.equal(parseSettings({ request: { timeoutMs: 5 } }).request.timeoutMs, 100);
    assert.equal(parseSettings({ lint: { debounceMs: 99999 } }).lint.debounceMs, 5000);
  });

  it('keeps only valid severities and accepts the common aliases', () => {
    const s = parseSettings({ lint: { rules: { a: 'warn', b: 'information', c: 'loud', d: 'error', e: 7 } } });
    assert.deepEqual(s.lint.rules, { a: 'warning', b: 'info', d: 'error' });
  });

  it('drops header values that are not strings', () => {
    assert.deepEqual(parseSettings({ request: { headers: { a: 'b', c: 1 } } }).request.headers, { a: 'b' });
  });
});
