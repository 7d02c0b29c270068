/** `next-route-kit openapi`: writing JSON and YAML, and the drift check CI runs. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { cli } from '../../support/cli';
import { FIXTURE_APP } from '../../support/nextDev';
import { tempProject } from '../../support/tempProject';

const USERS = `export async function GET(request: Request) {
  const page = Number(new URL(request.url).searchParams.get('page') ?? 1);
  return Response.json({ page });
}
`;

describe('next-route-kit openapi', () => {
  it('prints the fixture app document as JSON with the basePath as its server', async () => {
    const r = await cli(['openapi', FIXTURE_APP]);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    assert.equal(doc.openapi, '3.1.0');
    assert.deepEqual(doc.servers, [{ url: '/kit' }]);
    assert.ok(doc.paths['/api/users/{id}'].delete);
    assert.match(r.stderr, /left out .*app\/api\/_internal\/route\.ts \(never served/);
  });

  it('writes YAML when the output file ends in .yaml, and the YAML reads back as the same document', async () => {
    const project = tempProject({ 'package.json': '{"name":"app"}', 'app/api/users/route.ts': USERS });
    try {
      const r = await cli(['openapi', '--out', 'openapi.yaml'], project.dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /Wrote openapi\.yaml: 1 operations on 1 paths/);
      const yaml = parseYaml(fs.readFileSync(path.join(project.dir, 'openapi.yaml'), 'utf8'));
      const json = JSON.parse((await cli(['openapi', '--format', 'json'], project.dir)).stdout);
      assert.deepEqual(yaml, json);
      assert.deepEqual(yaml.paths['/api/users'].get.parameters, [
        { name: 'page', in: 'query', schema: { type: 'integer', default: 1 } },
      ]);
    } finally {
      project.remove();
    }
  });

  it('--check exits 0 when the committed document matches and 1 with a readable summary when the code moved on', async () => {
    const project = tempProject({ 'package.json': '{"name":"app"}', 'app/api/users/route.ts': USERS });
    try {
      assert.equal((await cli(['openapi', '--out', 'openapi.json'], project.dir)).code, 0);
      const same = await cli(['openapi', '--check', 'openapi.json'], project.dir);
      assert.equal(same.code, 0, same.stdout);
      assert.match(same.stdout, /openapi\.json is up to date/);

      fs.writeFileSync(
        path.join(project.dir, 'app/api/users/route.ts'),
        USERS.replace("get('page') ?? 1", "get('offset') ?? 0") +
          `\nexport async function POST(request: Request) {\n  const { name } = await request.json();\n  return Response.json({ name }, { status: 201 });\n}\n`,
      );
      fs.mkdirSync(path.join(project.dir, 'app/api/teams'), { recursive: true });
      fs.writeFileSync(path.join(project.dir, 'app/api/teams/route.ts'), USERS);
      const drift = await cli(['openapi', '--check', 'openapi.json'], project.dir);
      assert.equal(drift.code, 1);
      assert.equal(
        drift.stdout,
        [
          'openapi.json no longer matches the route handlers (4 changes):',
          '  + GET /api/teams (operation added)',
          '  + POST /api/users (operation added)',
          '  ~ GET /api/users: query parameter `offset` added',
          '  ~ GET /api/users: query parameter `page` removed',
          'Update it with: next-route-kit openapi --out openapi.json',
          '',
        ].join('\n'),
      );
    } finally {
      project.remove();
    }
  });

  it('--check on a missing file is a usage error that says how to create it', async () => {
    const project = tempProject({ 'package.json': '{"name":"app"}', 'app/api/users/route.ts': USERS });
    try {
      const r = await cli(['openapi', '--check', 'openapi.json'], project.dir);
      assert.equal(r.code, 2);
      assert.match(
        r.stderr,
        /openapi\.json does not exist\. Write it first: next-route-kit openapi --out openapi\.json/,
      );
    } finally {
      project.remove();
    }
  });

  it('rejects --out with --check, an unknown format, and a folder without route files', async () => {
    assert.equal((await cli(['openapi', FIXTURE_APP, '--out', 'a.json', '--check', 'a.json'])).code, 2);
    assert.match((await cli(['openapi', FIXTURE_APP, '--format', 'xml'])).stderr, /--format must be json or yaml/);
    const empty = tempProject({ 'package.json': '{}' });
    try {
      assert.match((await cli(['openapi', empty.dir])).stderr, /No App Router route files/);
    } finally {
      empty.remove();
    }
  });
});
