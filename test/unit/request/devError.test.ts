/**
 * A `next dev` 5xx error page is summed up in one line (the thrown message and where it was
 * thrown): from HTML shaped like Next's two error pages, and from a real `next dev`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { devErrorHint } from '../../../src/core/request/devError';
import { cli } from '../../support/cli';
import { makeTempApp, startNextDev, type DevServer } from '../../support/nextDev';

function page(status: number, html: string, contentType = 'text/html; charset=utf-8') {
  return { status, contentType, body: { kind: 'text' as const, text: html, truncated: false, invalidUtf8: false } };
}

const APP_SHELL = `<!DOCTYPE html><html id="__next_error__"><body><template data-next-error-message="Cannot read properties of undefined (reading &#x27;id&#x27;)" data-next-error-digest="" data-next-error-stack="TypeError: Cannot read properties of undefined
    at GET (webpack-internal:///(rsc)/./app/api/users/route.ts:9:23)
    at /app/node_modules/next/dist/compiled/next-server/app-route.runtime.dev.js:6:1"></template></body></html>`;

const PAGES_ERROR = `<html><body><div id="__next"></div><script id="__NEXT_DATA__" type="application/json">${JSON.stringify(
  {
    props: { pageProps: { statusCode: 500 } },
    page: '/_error',
    err: {
      name: 'Error',
      source: 'server',
      message: 'POSTGRES_URL is not set',
      stack:
        'Error: POSTGRES_URL is not set\n    at [project]/lib/db/drizzle.ts [app-route] (ecmascript) (/x/.next/server/chunks/a.js:1:1)\n    at instantiateModule (/x/.next/server/chunks/[turbopack]_runtime.js:601:23)',
    },
  },
)}</script></body></html>`;

describe('the account of a next dev error page', () => {
  const cases: Array<[string, ReturnType<typeof page>, string | undefined]> = [
    [
      'reads App Router’s error template, decoding its entities, with the app frame of the stack',
      page(500, APP_SHELL),
      "next dev answered 500 with its error page: Cannot read properties of undefined (reading 'id') (thrown in app/api/users/route.ts:9:23). The whole stack is in the terminal running next dev.",
    ],
    [
      'reads the Pages _error data that answers a route whose module threw while loading',
      page(500, PAGES_ERROR),
      'next dev answered 500 with its error page: POSTGRES_URL is not set (thrown in lib/db/drizzle.ts). The whole stack is in the terminal running next dev.',
    ],
    [
      'explains an empty 500, Next.js 16’s answer to a handler that throws',
      { status: 500, contentType: undefined, body: { kind: 'empty' as const } } as unknown as ReturnType<typeof page>,
      'An empty 500 is what Next.js answers when a route handler throws, or a module it imports throws while loading (unless the handler answered it itself): the error and its stack are in the terminal running next dev.',
    ],
    [
      'says nothing for an empty 502',
      { status: 502, body: { kind: 'empty' as const } } as unknown as ReturnType<typeof page>,
      undefined,
    ],
    ['says nothing for a 4xx page', page(404, APP_SHELL), undefined],
    ['says nothing for a JSON error', page(500, '{"error":"x"}', 'application/json'), undefined],
    ['says nothing for an HTML 500 without Next’s error data', page(502, '<html>Bad gateway</html>'), undefined],
    ['says nothing when the page data is not JSON', page(500, PAGES_ERROR.replace('{"props"', '{props')), undefined],
  ];
  for (const [name, answer, expected] of cases) it(name, () => assert.equal(devErrorHint(answer), expected));
});

describe('next dev error pages, from a real next dev', function () {
  this.timeout(240_000);
  let app = '';
  let server: DevServer | undefined;
  before(async () => {
    app = makeTempApp('dev-error', {
      'app/api/throws/route.ts': `export async function GET() {
  throw new Error('the database is not configured');
}
`,
      'app/api/load/route.ts': `import { db } from '../../../lib/db';
export async function GET() {
  return Response.json(db);
}
`,
      'lib/db.ts': `if (!process.env.NRK_NEVER_SET) throw new Error('NRK_NEVER_SET is not set');
export const db = {};
`,
    });
    server = await startNextDev(app);
  });
  after(async () => {
    await server?.stop();
    if (app) fs.rmSync(app, { recursive: true, force: true });
  });

  // The installed Next.js (16) answers both with an empty 500; Next.js 15's HTML pages are in the table above.
  for (const route of ['throws', 'load'] as const) {
    it(`explains the 500 of a handler that ${route === 'throws' ? 'throws' : 'imports a module that throws while loading'}`, async () => {
      const r = await cli(['request', `app/api/${route}/route.ts`, '--send', '--base', server!.origin], app);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^HTTP\/1\.1 500 /);
      assert.match(r.stderr, /An empty 500 is what Next\.js answers when a route handler throws/);
    });
  }
});
