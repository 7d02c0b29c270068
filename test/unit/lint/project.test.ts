import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkProjectStructure } from '../../../src/core/lint/project';
import { loadProjectLayout } from '../../../src/core/nextjs/project';
import type { Finding } from '../../../src/core/types';
import { tempProject } from '../../support/tempProject';

const ROUTE = 'export async function GET() { return Response.json({}) }\n';
const PAGE = 'export default function Page() { return null }\n';

/** Every file below `dir` (what the editor's file search hands the checks, node_modules included: the checks skip it). */
function allFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

/** The findings by file, from the checks' own walk; the same from a searched file list is asserted on the way. */
function check(files: Record<string, string>, severities?: Record<string, 'off' | 'error' | 'warning' | 'info'>) {
  const p = tempProject({ 'package.json': '{"dependencies":{"next":"16.0.0"}}', ...files });
  try {
    const layout = loadProjectLayout(p.dir);
    const byFile = (result: Map<string, readonly Finding[]>) =>
      new Map(
        [...result].map(([file, findings]) => [
          path.relative(p.dir, file).split(path.sep).join('/'),
          findings.map((f) => `${f.ruleId}:${f.severity}`),
        ]),
      );
    const walked = byFile(checkProjectStructure(layout, severities));
    const searched = layout.appDir ? byFile(checkProjectStructure(layout, severities, allFiles(p.dir))) : walked;
    assert.deepEqual(searched, walked, 'a searched file list gives what the walk gives');
    return walked;
  } finally {
    p.remove();
  }
}

describe('lint: project structure checks', () => {
  it('flags a route and a page in the same segment', () => {
    const r = check({ 'app/auth/callback/route.ts': ROUTE, 'app/auth/callback/page.tsx': PAGE });
    assert.deepEqual(r.get('app/auth/callback/route.ts'), ['route-page-conflict:error']);
  });

  it('leaves out route files in build output and dependencies below app/, walked or searched', () => {
    const r = check({
      'app/.next/x/route.ts': ROUTE,
      'app/.next/x/page.tsx': PAGE,
      'app/node_modules/y/route.ts': ROUTE,
      'app/node_modules/y/page.tsx': PAGE,
    });
    assert.deepEqual([...r.keys()], [], 'no route-page conflict from folders the checks skip');
  });

  it('flags a route and a page that meet after route groups are stripped', () => {
    const r = check({ 'app/(api)/x/route.ts': ROUTE, 'app/(site)/x/page.tsx': PAGE });
    assert.deepEqual(r.get('app/(api)/x/route.ts'), ['route-page-conflict:error']);
  });

  it('accepts a page in a parent segment of a route', () => {
    const r = check({
      'app/page.tsx': PAGE,
      'app/api/route.ts': ROUTE,
      'app/docs/page.tsx': PAGE,
      'app/docs/api/route.ts': ROUTE,
    });
    assert.equal(r.size, 0);
  });

  it('flags two route files for one URL, on both files', () => {
    const r = check({ 'app/(a)/api/x/route.ts': ROUTE, 'app/api/x/route.ts': ROUTE });
    assert.deepEqual(r.get('app/(a)/api/x/route.ts'), ['duplicate-route:error']);
    assert.deepEqual(r.get('app/api/x/route.ts'), ['duplicate-route:error']);
  });

  it('flags different dynamic names at the same position', () => {
    const r = check({ 'app/api/posts/[id]/route.ts': ROUTE, 'app/api/posts/[slug]/comments/route.ts': ROUTE });
    assert.deepEqual(r.get('app/api/posts/[id]/route.ts'), ['duplicate-route:error']);
    assert.deepEqual(r.get('app/api/posts/[slug]/comments/route.ts'), ['duplicate-route:error']);
  });

  it('accepts different dynamic names under different parents (/users/[id], /posts/[postId])', () => {
    const r = check({
      'app/api/users/[id]/route.ts': ROUTE,
      'app/api/posts/[postId]/route.ts': ROUTE,
      'app/api/posts/[postId]/comments/[commentId]/route.ts': ROUTE,
    });
    assert.equal(r.size, 0);
  });

  it('accepts groups that resolve to different URLs and the same dynamic name reused', () => {
    const r = check({
      'app/(a)/api/x/route.ts': ROUTE,
      'app/(b)/api/y/route.ts': ROUTE,
      'app/api/posts/[id]/route.ts': ROUTE,
      'app/api/posts/[id]/likes/route.ts': ROUTE,
    });
    assert.equal(r.size, 0);
  });

  it('flags pages/api/x beside app/api/x/route, including index files', () => {
    const r = check({
      'app/api/health/route.ts': ROUTE,
      'pages/api/health.ts': 'export default function h() {}',
      'app/api/users/route.ts': ROUTE,
      'pages/api/users/index.ts': 'export default function h() {}',
    });
    assert.deepEqual(r.get('app/api/health/route.ts'), ['pages-app-conflict:error']);
    assert.deepEqual(r.get('app/api/users/route.ts'), ['pages-app-conflict:error']);
  });

  it('accepts pages/api routes with no App Router counterpart', () => {
    const r = check({ 'app/api/a/route.ts': ROUTE, 'pages/api/b.ts': 'export default function h() {}' });
    assert.equal(r.size, 0);
  });

  it('flags route files in a private folder, a slot and an intercepting segment', () => {
    const r = check({
      'app/api/_lib/route.ts': ROUTE,
      'app/@modal/api/x/route.ts': ROUTE,
      'app/feed/(.)photo/route.ts': ROUTE,
    });
    assert.deepEqual(r.get('app/api/_lib/route.ts'), ['unreachable-route:warning']);
    assert.deepEqual(r.get('app/@modal/api/x/route.ts'), ['unreachable-route:warning']);
    assert.deepEqual(r.get('app/feed/(.)photo/route.ts'), ['unreachable-route:warning']);
  });

  it('ignores src/app when a root app/ exists', () => {
    const r = check({ 'app/api/x/route.ts': ROUTE, 'src/app/api/x/route.ts': ROUTE });
    assert.equal(r.size, 0);
  });

  it('honours severity settings, off included', () => {
    const r = check(
      { 'app/api/_lib/route.ts': ROUTE, 'app/x/route.ts': ROUTE, 'app/x/page.tsx': PAGE },
      { 'unreachable-route': 'off', 'route-page-conflict': 'warning' },
    );
    assert.equal(r.get('app/api/_lib/route.ts'), undefined);
    assert.deepEqual(r.get('app/x/route.ts'), ['route-page-conflict:warning']);
  });
  it('names the slug clash when pages/api and app/api use different dynamic names', () => {
    const p = tempProject({
      'package.json': '{"dependencies":{"next":"16.0.0"}}',
      'app/api/posts/[slug]/route.ts': ROUTE,
      'pages/api/posts/[id].ts': 'export default function h() {}',
    });
    try {
      const result = checkProjectStructure(loadProjectLayout(p.dir));
      const findings = result.get(path.join(p.dir, 'app/api/posts/[slug]/route.ts')) ?? [];
      assert.deepEqual(
        findings.map((f) => f.ruleId),
        ['pages-app-conflict'],
      );
      assert.match(findings[0]!.message, /pages\/api\/posts\/\[id\]\.ts.*different slug names/);
      assert.deepEqual(findings[0]!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    } finally {
      p.remove();
    }
  });

  it('accepts pages, layouts and routes in different segments, and non-page files beside a route', () => {
    const r = check({
      'app/x/route.ts': ROUTE,
      'app/x/layout.tsx': PAGE,
      'app/x/[id]/page.tsx': PAGE,
      'app/x/page.test.tsx': PAGE,
      'app/api/items/route.ts': ROUTE,
      'app/api/items/[id]/route.ts': ROUTE,
      'app/(marketing)/items/page.tsx': PAGE,
    });
    assert.equal(r.size, 0, JSON.stringify([...r]));
  });

  it('flags a route beside a page in a parallel slot of the same URL, and a route and page with different dynamic names', () => {
    const r = check({
      'app/x/route.ts': ROUTE,
      'app/@modal/x/page.tsx': PAGE,
      'app/shop/[id]/route.ts': ROUTE,
      'app/shop/[sku]/page.tsx': PAGE,
    });
    assert.deepEqual(r.get('app/x/route.ts'), ['route-page-conflict:error']);
    assert.deepEqual(r.get('app/shop/[id]/route.ts'), ['route-page-conflict:error', 'duplicate-route:error']);
  });
});
