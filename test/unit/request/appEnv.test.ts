/** `{{$dotenv NAME}}` / `{{$processEnv NAME}}`: the app's env files, read as next dev reads them. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDocument } from '../../../src/core/ast/parse';
import { envValues, loadAppEnv, secretValues } from '../../../src/core/request/appEnv';
import { toHttpText } from '../../../src/core/request/httpFile';
import { inferRequests, type InferredRequest } from '../../../src/core/request/infer';
import { buildRequest, describeForLog, prepareForSend, variablesIn } from '../../../src/core/request/model';
import { routeInfoFor } from '../support/ruleTester';

function infer(code: string): InferredRequest {
  const info = routeInfoFor('app/api/cron/route.ts');
  return inferRequests(parseDocument('app/api/cron/route.ts', code), info.route, info.params)[0]!;
}

const made: string[] = [];
function appWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrk-env-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

const COMPARISONS: ReadonlyArray<{ name: string; code: string; header: string; value: string }> = [
  {
    name: 'a header compared with process.env.NAME',
    code: `export async function GET(req: Request) {\n  if (req.headers.get('x-api-key') !== process.env.API_KEY) return new Response(null, { status: 401 });\n  return Response.json({ ok: true });\n}`,
    header: 'x-api-key',
    value: '{{$dotenv API_KEY}}',
  },
  {
    name: "a header stored in a variable and compared with process.env['NAME'] (either side)",
    code: `export async function POST(req: Request) {\n  const key = req.headers.get('X-Webhook-Secret');\n  if (process.env['WEBHOOK_SECRET'] != key) return new Response(null, { status: 401 });\n  return new Response(null, { status: 204 });\n}`,
    header: 'x-webhook-secret',
    value: '{{$dotenv WEBHOOK_SECRET}}',
  },
  {
    name: 'Authorization compared with a Bearer template around an env var (a cron secret)',
    code: `export async function GET(req: Request) {\n  const auth = req.headers.get('authorization');\n  if (auth !== \`Bearer \${process.env.CRON_SECRET}\`) return new Response('Unauthorized', { status: 401 });\n  return Response.json({ ran: true });\n}`,
    header: 'Authorization',
    value: 'Bearer {{$dotenv CRON_SECRET}}',
  },
];

describe('the app env ($dotenv, $processEnv)', () => {
  after(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  for (const c of COMPARISONS) {
    it(`fills ${c.name} with the env var's placeholder`, () => {
      const spec = buildRequest(infer(c.code), { baseUrl: 'http://localhost:3000' });
      assert.deepEqual(
        spec.headers.find(([k]) => k === c.header),
        [c.header, c.value],
      );
    });
  }

  it('leaves a header that is only read (not compared with an env var) empty', () => {
    const spec = buildRequest(
      infer(
        `export async function GET(req: Request) { const k = req.headers.get('x-api-key'); if (k !== 'fixed') return new Response(null, { status: 401 }); return Response.json({}) }`,
      ),
      { baseUrl: 'http://localhost:3000' },
    );
    assert.deepEqual(
      spec.headers.find(([k]) => k === 'x-api-key'),
      ['x-api-key', ''],
    );
  });

  it("reads the app's env files in Next.js's order: .env.development.local, .env.local, .env.development, .env", () => {
    const dir = appWith({
      '.env': 'A=from-env\nB=from-env\nC=from-env\nD=from-env\nREF=${D}-expanded\n',
      '.env.development': 'A=from-development\nB=from-development\nC=from-development\n',
      '.env.local': 'A=from-local\nB=from-local\n',
      '.env.development.local': 'A=from-development-local\n',
      '.env.production': 'D=from-production\n',
    });
    const env = loadAppEnv(dir);
    assert.deepEqual(
      ['A', 'B', 'C', 'D', 'REF', 'NOPE'].map((n) => env.dotenv(n)),
      ['from-development-local', 'from-local', 'from-development', 'from-env', 'from-env-expanded', undefined],
    );
    assert.deepEqual(env.files, ['.env.development.local', '.env.local', '.env.development', '.env']);
  });

  it("leaves this process's environment as it was", () => {
    const before = { ...process.env };
    loadAppEnv(appWith({ '.env': 'NRK_TEST_ONLY_IN_FILE=1\n', '.env.local': 'PATH=/nowhere\n' }));
    assert.deepEqual({ ...process.env }, before);
  });

  it('fills $dotenv and $processEnv at send time only; the request text and log keep placeholders', () => {
    const dir = appWith({ '.env': 'API_KEY=dev-key-from-env\n', '.env.local': 'API_KEY=local-key-over-env\n' });
    const spec = buildRequest(infer(COMPARISONS[0]!.code), { baseUrl: 'http://localhost:3000' });
    const withProcessEnv = {
      ...spec,
      headers: [...spec.headers, ['x-region', '{{ $processEnv NRK_REGION }}'] as const],
    };
    const env = loadAppEnv(dir, { NRK_REGION: 'eu' });
    const values = envValues(withProcessEnv, env);
    assert.deepEqual(values, { '$dotenv API_KEY': 'local-key-over-env', '$processEnv NRK_REGION': 'eu' });
    const prepared = prepareForSend(withProcessEnv, values);
    assert.deepEqual(prepared.spec.headers, [
      ['x-api-key', 'local-key-over-env'],
      ['x-region', 'eu'],
    ]);
    assert.match(toHttpText(spec), /^x-api-key: \{\{\$dotenv API_KEY\}\}$/m);
    const line = describeForLog(
      { ...prepared.spec, url: 'http://localhost:3000/api/cron?k=local-key-over-env' },
      secretValues(values),
    );
    assert.ok(!line.includes('local-key-over-env'), line);
  });

  it('reports a $dotenv name no env file defines as missing, and lists system variables by name', () => {
    assert.deepEqual(variablesIn('a {{$dotenv  A_B}} {{x}} {{$processEnv P}}'), ['$dotenv A_B', 'x', '$processEnv P']);
    const spec = { method: 'GET', url: 'http://localhost:3000/', headers: [['x-k', '{{$dotenv NOT_SET}}'] as const] };
    const values = envValues(spec, loadAppEnv(appWith({})));
    assert.deepEqual(prepareForSend(spec, values).missing, ['$dotenv NOT_SET']);
  });
});
