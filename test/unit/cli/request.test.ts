/** `next-route-kit request` in-process, as the terminal host of the send flow, against real loopback servers. */
import * as assert from 'node:assert/strict';
import { requestCommand } from '../../../src/core/cli/requestCommand';
import { cli } from '../../support/cli';
import { deadPort, useLoopbackServers } from '../../support/loopback';
import { tempProject } from '../../support/tempProject';

const ECHO_ROUTE = `import { NextRequest } from 'next/server';
export async function POST(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const auth = request.headers.get('authorization');
  const { title } = await request.json();
  return Response.json({ id, title, auth });
}
export async function GET(request: NextRequest) {
  const q = request.nextUrl.searchParams.get('q');
  return Response.json({ q });
}
`;

async function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const io = { cwd, isTty: false, out: (t: string) => (stdout += t), err: (t: string) => (stderr += t) };
  const code = await requestCommand(args, io, env);
  return { code, stdout, stderr };
}

describe('next-route-kit request', function () {
  this.timeout(30000);
  let project: ReturnType<typeof tempProject>;
  const serve = useLoopbackServers();
  const FILE = 'app/api/items/[id]/route.ts';
  beforeEach(() => {
    project = tempProject({ 'package.json': '{"name":"p"}', [FILE]: ECHO_ROUTE });
  });
  afterEach(async () => {
    project.remove();
  });

  it('prints the request as .http text without sending, placeholders kept', async () => {
    const r = await run([`${FILE}#POST`, '--param', 'id=7', '--base', 'http://localhost:4000'], project.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^### POST \/api\/items\/\[id\]\nPOST http:\/\/localhost:4000\/api\/items\/7 HTTP\/1\.1\n/);
    assert.match(r.stdout, /Authorization: Bearer \{\{authToken\}\}/);
    assert.match(r.stdout, /"title": ""/);
  });

  it('sends with --send and prints the response; the token comes from --var or NEXT_ROUTE_KIT_TOKEN', async () => {
    const s = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":1}'));
    const args = [`${FILE}#POST`, '--param', 'id=7', '--base', s.url, '--send'];
    const fromVar = await run([...args, '--var', 'authToken=v1'], project.dir, { NEXT_ROUTE_KIT_TOKEN: 'env' });
    assert.equal(fromVar.code, 0, fromVar.stderr);
    assert.match(fromVar.stdout, /^HTTP\/1\.1 200 OK\n# POST http:\/\/127\.0\.0\.1:\d+\/api\/items\/7\n/);
    assert.match(fromVar.stdout, /\n\{\n {2}"ok": 1\n\}\n$/);
    const fromEnv = await run(args, project.dir, { NEXT_ROUTE_KIT_TOKEN: 'env' });
    assert.equal(fromEnv.code, 0, fromEnv.stderr);
    assert.deepEqual(
      s.requests.map((q) => q.headers.authorization),
      ['Bearer v1', 'Bearer env'],
    );
  });

  it('sends without Authorization when no token is set, and says how to set one', async () => {
    const s = await serve((_req, res) => res.end('ok'));
    const r = await run([`${FILE}#POST`, '--param', 'id=7', '--base', s.url, '--send'], project.dir);
    assert.equal(r.code, 0);
    assert.equal(s.requests[0]!.headers.authorization, undefined);
    assert.match(r.stderr, /sending without Authorization \(set NEXT_ROUTE_KIT_TOKEN or pass --var authToken=…\)/);
  });

  it('sends without a session cookie it has no value for, and names the variable and --cookie-jar', async () => {
    const s = await serve((_req, res) => res.end('ok'));
    const app = tempProject({
      'package.json': '{"name":"p"}',
      'app/api/me/route.ts': `import { cookies } from 'next/headers';
export async function GET() {
  const session = (await cookies()).get('session')?.value;
  return Response.json({ session });
}
`,
    });
    try {
      const r = await run(['app/api/me/route.ts', '--base', s.url, '--send'], app.dir);
      assert.equal(r.code, 0, r.stderr);
      assert.equal(s.requests[0]!.headers.cookie, undefined);
      assert.match(
        r.stderr,
        /sending without Cookie session \(pass --var cookie_session=…, or --cookie-jar <file> holding a session from `sign-in` or a login request\)/,
      );
    } finally {
      app.remove();
    }
  });

  it('streams an event stream to stdout as it arrives, without printing it twice', async () => {
    const s = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: 1\n\n', () => res.end('data: 2\n\n'));
    });
    const r = await run([`${FILE}#GET`, '--param', 'id=1', '--base', s.url, '--send'], project.dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^HTTP\/1\.1 200 OK\n# GET .*\ncontent-type: text\/event-stream\n/);
    assert.ok(r.stdout.endsWith('\ndata: 1\n\ndata: 2\n\n'), JSON.stringify(r.stdout));
    assert.equal(r.stdout.match(/HTTP\/1\.1/g)!.length, 1);
  });

  it('tells a dead server apart with --base in the hint, not an editor setting, and exits 1', async () => {
    const port = await deadPort();
    const r = await run(
      [`${FILE}#GET`, '--param', 'id=1', '--base', `http://127.0.0.1:${port}`, '--send'],
      project.dir,
    );
    assert.equal(r.code, 1);
    assert.match(r.stderr, /Nothing answers at http:\/\/127\.0\.0\.1:\d+ \(connection refused\)\.\n.*--base <url>/);
    assert.doesNotMatch(r.stderr, /nextRouteKit\./);
  });

  it('names --timeout when the handler hangs, and --follow on a redirect loop', async () => {
    const hang = await serve(() => undefined);
    const slow = await run(
      [`${FILE}#GET`, '--param', 'id=1', '--base', hang.url, '--send', '--timeout', '300'],
      project.dir,
    );
    assert.equal(slow.code, 1);
    assert.match(slow.stderr, /No response from .* within 300 ms.*\n.*--timeout <ms>/);
    const loop = await serve((req, res) => res.writeHead(302, { location: req.url === '/a' ? '/b' : '/a' }).end());
    const looped = await run(
      [`${FILE}#GET`, '--param', 'id=1', '--base', `${loop.url}/a`, '--send', '--follow'],
      project.dir,
    );
    assert.equal(looped.code, 1);
    assert.match(looped.stderr, /redirect loop.*\nLeave out --follow/);
    assert.doesNotMatch(slow.stderr + looped.stderr, /nextRouteKit\./);
  });

  it('is bad usage (exit 2) to leave out a path param or give a bad option', async () => {
    const missing = await cli(['request', `${FILE}#GET`, '--base', 'http://localhost:4000'], project.dir);
    assert.equal(missing.code, 2);
    assert.match(
      missing.stderr,
      /missing --param id=… \(the route is \/api\/items\/\[id\], in app\/api\/items\/\[id\]\/route\.ts\)/,
    );
    const badTimeout = await cli(['request', `${FILE}#GET`, '--timeout', 'soon'], project.dir);
    assert.equal(badTimeout.code, 2);
    assert.match(badTimeout.stderr, /--timeout must be a number of milliseconds/);
    const noMethod = await cli(['request', `${FILE}#DELETE`], project.dir);
    assert.equal(noMethod.code, 2);
    assert.match(
      noMethod.stderr,
      /app\/api\/items\/\[id\]\/route\.ts does not export DELETE; it exports POST, GET \(and Next\.js answers HEAD, OPTIONS by itself\)/,
    );
  });

  it('takes the one handler when #METHOD is left out, and names the choices when there are several', async () => {
    const one = tempProject({
      'package.json': '{"name":"p"}',
      'app/api/hook/route.ts': 'export async function POST() {}\n',
    });
    try {
      const r = await run(['app/api/hook/route.ts', '--base', 'http://localhost:4000'], one.dir);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^### POST \/api\/hook\nPOST http:\/\/localhost:4000\/api\/hook HTTP\/1\.1\n/);
    } finally {
      one.remove();
    }
    const several = await cli(['request', FILE], project.dir);
    assert.equal(several.code, 2);
    assert.match(
      several.stderr,
      /app\/api\/items\/\[id\]\/route\.ts exports POST, GET: name one, e\.g\. app\/api\/items\/\[id\]\/route\.ts#POST/,
    );
  });
});
