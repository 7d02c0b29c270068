/** `next-route-kit request`: the body from --data or --var, every missing --param at once, quiet on a closed pipe. */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import type * as http from 'node:http';
import * as path from 'node:path';
import { runCli } from '../../../src/core/cli/main';
import { startServer, type TestServer } from '../../support/loopback';
import { REPO_ROOT } from '../../support/nextDev';
import { tempProject } from '../../support/tempProject';

const ROUTE = `export async function POST(request: Request) {
  const { title, quantity, published, address } = await request.json();
  return Response.json({ title, quantity: quantity * 2, published: !published, city: address.city });
}
export async function GET() { return Response.json([]); }
`;
const MEMBERS = `export async function GET(_r: Request, { params }: { params: Promise<{ team: string; member: string }> }) {
  return Response.json(await params);
}
`;

async function run(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const io = { cwd, isTty: false, out: (t: string) => (stdout += t), err: (t: string) => (stderr += t) };
  const code = await runCli(['request', ...args], io);
  return { code, stdout, stderr };
}

describe('next-route-kit request: the body and the params you give', function () {
  this.timeout(30000);
  let project: ReturnType<typeof tempProject>;
  let server: TestServer;
  const bodies: string[] = [];
  const FILE = 'app/api/items/route.ts';
  before(async () => {
    server = await startServer((req: http.IncomingMessage, res: http.ServerResponse) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c));
      req.on('end', () => {
        bodies.push(body);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
  });
  after(() => server.close());
  beforeEach(() => {
    bodies.length = 0;
    project = tempProject({
      'package.json': '{}',
      [FILE]: ROUTE,
      'app/api/teams/[team]/members/[member]/route.ts': MEMBERS,
      'body.json': '{"title":"from a file"}',
    });
  });
  afterEach(() => project.remove());

  it('fills the skeleton’s fields from --var, typed like their placeholders (title, quantity, address.city)', async () => {
    const r = await run(
      [
        `${FILE}#POST`,
        '--base',
        server.url,
        '--send',
        '--var',
        'title=Hello',
        '--var',
        'quantity=3',
        '--var',
        'published=true',
        '--var',
        'address.city=Oslo',
      ],
      project.dir,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(bodies[0]!), {
      title: 'Hello',
      quantity: 3,
      published: true,
      address: { city: 'Oslo' },
    });
  });

  it('shows the filled body in the printed request too (without --send)', async () => {
    const r = await run([`${FILE}#POST`, '--base', server.url, '--var', 'title=Hi'], project.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /"title": "Hi"/);
    assert.match(r.stdout, /"quantity": 0/);
  });

  it('sends --data JSON instead of the skeleton, with Content-Type: application/json', async () => {
    const r = await run(
      [`${FILE}#POST`, '--base', server.url, '--send', '--data', '{"title":"x","quantity":1}'],
      project.dir,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(bodies[0], '{"title":"x","quantity":1}');
    assert.equal(server.requests.at(-1)!.headers['content-type'], 'application/json');
  });

  it('sends --data @file as the file’s content', async () => {
    const r = await run([`${FILE}#POST`, '--base', server.url, '--send', '--data', '@body.json'], project.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(bodies[0], '{"title":"from a file"}');
  });

  it('is bad usage to give --data that is not JSON, a missing @file, or a body for GET', async () => {
    const notJson = await run([`${FILE}#POST`, '--data', '{title:'], project.dir);
    assert.equal(notJson.code, 2);
    assert.match(notJson.stderr, /--data is not valid JSON/);
    const noFile = await run([`${FILE}#POST`, '--data', '@nope.json'], project.dir);
    assert.equal(noFile.code, 2);
    assert.match(noFile.stderr, /cannot read nope\.json/);
    const onGet = await run([`${FILE}#GET`, '--data', '{}'], project.dir);
    assert.equal(onGet.code, 2);
    assert.match(onGet.stderr, /a GET request carries no body/);
  });

  it('reports every missing --param at once, naming the route file', async () => {
    const r = await run(['app/api/teams/[team]/members/[member]/route.ts#GET', '--base', server.url], project.dir);
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /missing --param team=… --param member=… \(the route is \/api\/teams\/\[team\]\/members\/\[member\], in app\/api\/teams\/\[team\]\/members\/\[member\]\/route\.ts\)/,
    );
  });

  it('ends quietly when the reader of its output goes away (`| head`)', async () => {
    const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
    assert.ok(fs.existsSync(cli), 'run `npm run build` first');
    const child = spawn(process.execPath, [cli, 'request', `${FILE}#POST`, '--base', server.url], { cwd: project.dir });
    child.stdout.destroy(); // the reader is gone before anything is written
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    assert.equal(stderr, '');
    assert.equal(code, 0);
  });
});
