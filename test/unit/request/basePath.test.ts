/**
 * basePath that next.config computes (from an env var, a function): taken from the running
 * server's routes manifest under `.next/`, and a 404 page at a path lacking basePath says so.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ProjectIndex, loadProjectLayout } from '../../../src/core/nextjs/project';
import { basePathHint } from '../../../src/core/request/baseUrl';
import { tempProject } from '../../support/tempProject';

const COMPUTED = `const nextConfig = { basePath: process.env.BASE_PATH ?? '' };\nexport default nextConfig;`;

describe('basePath computed by next.config', () => {
  const TABLE: ReadonlyArray<{
    name: string;
    files: Record<string, string>;
    basePath: string;
    source: string;
  }> = [
    {
      name: 'a literal basePath is read from next.config',
      files: { 'next.config.mjs': `export default { basePath: '/kit' }` },
      basePath: '/kit',
      source: 'config',
    },
    {
      name: 'a computed basePath is taken from the dev server’s .next/dev/routes-manifest.json',
      files: { 'next.config.mjs': COMPUTED, '.next/dev/routes-manifest.json': '{"version":3,"basePath":"/docs"}' },
      basePath: '/docs',
      source: 'routes-manifest',
    },
    {
      name: 'a computed basePath is taken from a build’s .next/routes-manifest.json',
      files: { 'next.config.mjs': COMPUTED, '.next/routes-manifest.json': '{"version":3,"basePath":"/b"}' },
      basePath: '/b',
      source: 'routes-manifest',
    },
    {
      name: 'a config built by a function call (withPlugins(...)) also falls back to the manifest',
      files: {
        'next.config.js': `module.exports = withPlugins([], makeConfig())`,
        '.next/dev/routes-manifest.json': '{"basePath":"/p"}',
      },
      basePath: '/p',
      source: 'routes-manifest',
    },
    {
      name: 'a computed basePath without any manifest is unknown (no prefix)',
      files: { 'next.config.mjs': COMPUTED },
      basePath: '',
      source: 'unknown',
    },
    {
      name: 'a literal config wins over a stale manifest',
      files: {
        'next.config.mjs': `export default { reactStrictMode: true }`,
        '.next/dev/routes-manifest.json': '{"basePath":"/old"}',
      },
      basePath: '',
      source: 'config',
    },
    {
      name: 'a manifest being written (invalid JSON) is ignored',
      files: { 'next.config.mjs': COMPUTED, '.next/dev/routes-manifest.json': '{"basePa' },
      basePath: '',
      source: 'unknown',
    },
  ];
  for (const c of TABLE) {
    it(c.name, () => {
      const project = tempProject({
        'package.json': '{}',
        'app/api/x/route.ts': 'export function GET() {}',
        ...c.files,
      });
      try {
        const layout = loadProjectLayout(project.dir);
        assert.equal(layout.url.basePath, c.basePath);
        assert.equal(layout.basePathSource, c.source);
        const route = new ProjectIndex().routeFile(path.join(project.dir, 'app/api/x/route.ts'));
        assert.equal(route?.route, `${c.basePath}/api/x`);
      } finally {
        project.remove();
      }
    });
  }
});

describe('a 404 page where a handler was expected', () => {
  const html = { status: 404, contentType: 'text/html; charset=utf-8' };
  const layout = (basePath: string, basePathSource: 'config' | 'routes-manifest' | 'unknown') => ({
    url: { basePath, trailingSlash: false },
    basePathSource,
  });
  it('says the path lacks the basePath', () => {
    assert.match(basePathHint(html, 'http://h/api/x', layout('/kit', 'config'))!, /lacks the app's basePath \/kit/);
  });
  it('says basePath could not be read when next.config computes it and no manifest says it', () => {
    assert.match(basePathHint(html, 'http://h/api/x', layout('', 'unknown'))!, /computes basePath/);
  });
  it('says where basePath came from when it was read from the routes manifest', () => {
    assert.match(basePathHint(html, 'http://h/docs/api/x', layout('/docs', 'routes-manifest'))!, /routes-manifest/);
  });
  it('says nothing for a 404 that a handler answered (JSON), or a path under the basePath', () => {
    assert.equal(
      basePathHint({ status: 404, contentType: 'application/json' }, 'http://h/api/x', layout('/kit', 'config')),
      undefined,
    );
    assert.equal(basePathHint(html, 'http://h/kit/api/x', layout('/kit', 'config')), undefined);
    assert.equal(
      basePathHint({ status: 200, contentType: 'text/html' }, 'http://h/api/x', layout('/kit', 'config')),
      undefined,
    );
  });
});
