import * as assert from 'node:assert/strict';
import { loadProjectLayout, nodeFsPort } from '../../../src/core/nextjs/project';
import { baseUrlCandidates, isLoopbackUrl, parseDevScript } from '../../../src/core/request/baseUrl';
import { tempProject } from '../../support/tempProject';

describe('base URL detection', () => {
  const scripts: Array<[string, ReturnType<typeof parseDevScript>]> = [
    ['next dev', { https: false }],
    ['next dev -p 4000', { https: false, port: 4000 }],
    ['next dev --port 4001 --turbopack', { https: false, port: 4001 }],
    ['next dev --port=4002', { https: false, port: 4002 }],
    ['PORT=4003 next dev', { https: false, port: 4003 }],
    ['cross-env PORT=4004 next dev', { https: false, port: 4004 }],
    ['next dev --experimental-https -p 3443', { https: true, port: 3443 }],
    ['next dev -H 0.0.0.0 -p 5000', { https: false, port: 5000, hostname: '0.0.0.0' }],
    ['next dev --hostname my.local', { https: false, hostname: 'my.local' }],
  ];
  for (const [script, expected] of scripts) {
    it(`reads "${script}"`, () => assert.deepEqual(parseDevScript(script), expected));
  }

  const project = (files: Record<string, string>) => {
    const p = tempProject({ 'app/api/x/route.ts': '', ...files });
    return { ...p, layout: loadProjectLayout(p.dir) };
  };

  it('uses the setting first, without a trailing slash', () => {
    const p = project({ 'package.json': '{}' });
    try {
      assert.deepEqual(baseUrlCandidates(p.layout, { setting: 'http://api.local:8080/', fs: nodeFsPort }), [
        { url: 'http://api.local:8080', source: 'setting', detail: 'nextRouteKit.request.baseUrl' },
      ]);
    } finally {
      p.remove();
    }
  });

  it("reads Next 16's .next/dev/lock when its pid is alive, then the dev script, PORT and 3000", () => {
    const p = project({
      'package.json': JSON.stringify({ scripts: { dev: 'next dev -p 4000' } }),
      '.next/dev/lock': JSON.stringify({
        pid: 123,
        port: 3001,
        hostname: 'localhost',
        appUrl: 'http://localhost:3001',
      }),
    });
    try {
      const c = baseUrlCandidates(p.layout, {
        fs: nodeFsPort,
        env: { PORT: '5000' },
        isPidAlive: (pid) => pid === 123,
      });
      assert.deepEqual(
        c.map((x) => [x.url, x.source]),
        [
          ['http://localhost:3001', 'dev lock'],
          ['http://localhost:4000', 'dev script'],
          ['http://localhost:5000', 'PORT'],
          ['http://localhost:3000', 'default'],
        ],
      );
    } finally {
      p.remove();
    }
  });

  it('ignores a stale lock whose pid is gone, and an empty 16.0 lock', () => {
    const stale = project({ 'package.json': '{}', '.next/dev/lock': JSON.stringify({ pid: 99999999, port: 3001 }) });
    const empty = project({ 'package.json': '{}', '.next/dev/lock': '' });
    try {
      assert.deepEqual(
        baseUrlCandidates(stale.layout, { fs: nodeFsPort, isPidAlive: () => false }).map((x) => x.url),
        ['http://localhost:3000'],
      );
      assert.deepEqual(
        baseUrlCandidates(empty.layout, { fs: nodeFsPort }).map((x) => x.url),
        ['http://localhost:3000'],
      );
    } finally {
      stale.remove();
      empty.remove();
    }
  });

  it('uses https when the dev script asks for it', () => {
    const p = project({ 'package.json': JSON.stringify({ scripts: { dev: 'next dev --experimental-https' } }) });
    try {
      assert.deepEqual(
        baseUrlCandidates(p.layout, { fs: nodeFsPort }).map((x) => x.url),
        ['https://localhost:3000'],
      );
    } finally {
      p.remove();
    }
  });

  it('knows loopback URLs', () => {
    for (const u of ['http://localhost:3000', 'http://127.0.0.1', 'http://[::1]:3000', 'http://app.localhost'])
      assert.ok(isLoopbackUrl(u), u);
    for (const u of ['http://example.com', 'http://192.168.1.2:3000', 'not a url']) assert.ok(!isLoopbackUrl(u), u);
  });
});
