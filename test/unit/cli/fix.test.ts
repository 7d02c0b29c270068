import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli } from '../../support/cli';
import { tempProject } from '../../support/tempProject';

const BAD_ROUTE = `export async function get() {\n  return Response.json({ ok: 1 }, { status: 204 });\n}\n`;
const FIXED_ROUTE = `export async function GET() {\n  return new Response(null, { status: 204 });\n}\n`;
// A wildcard CORS header has suggestions only: it stays after --fix (the missing OPTIONS handler is fixed).
const CORS_ROUTE = `export async function GET() {\n  return Response.json({ ok: true }, { headers: { 'Access-Control-Allow-Origin': '*' } });\n}\n`;

describe('next-route-kit lint --fix', () => {
  let project: ReturnType<typeof tempProject>;
  const read = (rel: string): string => fs.readFileSync(path.join(project.dir, rel), 'utf8');
  beforeEach(() => {
    project = tempProject({
      'package.json': JSON.stringify({ name: 'p', dependencies: { next: '16.0.0' } }),
      'app/api/bad/route.ts': BAD_ROUTE,
      'app/api/cors/route.ts': CORS_ROUTE,
      'app/api/good/route.ts': `export async function GET() {\n  return Response.json({ ok: true });\n}\n`,
    });
  });
  afterEach(() => project.remove());

  it('writes every safe fix into the files and reports only what remains', async () => {
    const run = await cli(['lint', '.', '--fix', '--format', 'json'], project.dir);
    assert.equal(read('app/api/bad/route.ts'), FIXED_ROUTE);
    const left = JSON.parse(run.stdout) as Array<{ file: string; ruleId: string }>;
    // cors-missing-options' fix adds an OPTIONS handler, which answers the same wildcard.
    assert.match(read('app/api/cors/route.ts'), /export async function OPTIONS\(\)/);
    assert.deepEqual(
      left.map((f) => [f.file, f.ruleId]),
      [
        ['app/api/cors/route.ts', 'no-wildcard-cors'],
        ['app/api/cors/route.ts', 'no-wildcard-cors'],
      ],
    );
    assert.match(run.stderr, /fixed \d+ problems? in \d+ files?/);
    assert.equal(run.code, 0);
  });

  it('leaves a file without safe fixes untouched', async () => {
    await cli(['lint', '.', '--fix'], project.dir);
    assert.equal(
      read('app/api/good/route.ts'),
      `export async function GET() {\n  return Response.json({ ok: true });\n}\n`,
    );
  });

  it('prints the fixes as a unified diff with --fix-dry-run and changes no file', async () => {
    const run = await cli(['lint', 'app/api/bad/route.ts', '--fix-dry-run'], project.dir);
    assert.equal(read('app/api/bad/route.ts'), BAD_ROUTE);
    assert.equal(
      run.stdout.split('\n\n')[0],
      [
        '--- a/app/api/bad/route.ts',
        '+++ b/app/api/bad/route.ts',
        '@@ -1,3 +1,3 @@',
        '-export async function get() {',
        '-  return Response.json({ ok: 1 }, { status: 204 });',
        '+export async function GET() {',
        '+  return new Response(null, { status: 204 });',
        ' }',
      ].join('\n') + '\n',
    );
    assert.match(run.stderr, /would fix 2 problems in 1 file/);
    assert.equal(run.code, 0);
  });

  it('refuses --fix-dry-run with a machine-readable format', async () => {
    const run = await cli(['lint', '.', '--fix-dry-run', '--format', 'json'], project.dir);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--fix-dry-run prints a diff/);
  });
});
