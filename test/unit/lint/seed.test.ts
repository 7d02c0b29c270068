/**
 * The seed document's own code samples (test/fixtures/seed, one route file each) contain the
 * bugs they were written to show. The CLI must flag every one of them, where they are.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { cli } from '../../support/cli';
import { REPO_ROOT } from '../../support/nextDev';

interface JsonFinding {
  file: string;
  line: number;
  ruleId: string;
}

const SEED = path.join(REPO_ROOT, 'test', 'fixtures', 'seed');

describe("lint: the seed's code samples", function () {
  this.timeout(60000);
  let findings: JsonFinding[];
  before(async () => {
    const run = await cli(['lint', '.', '--format', 'json'], SEED);
    assert.equal(run.code, 1, run.stderr);
    findings = JSON.parse(run.stdout) as JsonFinding[];
  });
  const has = (file: string, ruleId: string, line?: number): boolean =>
    findings.some(
      (f) => f.file === `app/api/${file}` && f.ruleId === ruleId && (line === undefined || f.line === line),
    );

  const bugs: Array<[string, string, string, number?]> = [
    ['synchronous params.id in the dynamic route', 's02/users/[id]/route.js', 'await-params', 3],
    ['synchronous params.id in the CRUD item route', 's16/posts/[id]/route.js', 'await-params', 4],
    ['synchronous params.id in the error-handler sample', 's15/handlers/posts/route.js', 'await-params', 6],
    ['request.cookies.get() used as a string', 's09/session/route.js', 'cookie-value', 4],
    ['cookies set on a plain Response', 's09/session/route.js', 'cookies-on-plain-response', 34],
    ['wildcard CORS on GET', 's12/public/route.js', 'no-wildcard-cors', 9],
    ['wildcard CORS on the preflight', 's12/public/route.js', 'no-wildcard-cors', 22],
    ['an unclamped limit in the query sample', 's05/posts/route.js', 'unbounded-pagination', 7],
    ['an unclamped limit in the CRUD list', 's16/posts/route.js', 'unbounded-pagination', 6],
    ['orderBy from user input', 's05/posts/route.js', 'user-controlled-sort', 20],
    ['the seven empty handlers', 's01/resource/route.js', 'no-missing-response'],
    ['missing try/catch around I/O (common mistake 2)', 's00/posts/route.js', 'require-try-catch', 3],
    ['unvalidated input (common mistake 3)', 's00/posts/route.js', 'validate-input', 9],
    ['mass assignment of the body', 's16/posts/route.js', 'no-mass-assignment', 47],
    ['a whole user row in the response (common mistake 4)', 's10/protected/route.js', 'no-sensitive-response', 27],
    ['malformed JSON answered with a 500', 's16/posts/route.js', 'unguarded-json-parse', 36],
    ['a reflected origin without Vary (production CORS)', 's13/secure/route.js', 'cors-vary-origin', 10],
    ['CORS headers without an OPTIONS handler (common mistake 6)', 's13/secure/route.js', 'cors-missing-options', 10],
  ];
  for (const [what, file, ruleId, line] of bugs) {
    it(`flags ${what} (${ruleId} in ${file}${line ? `:${line}` : ''})`, () => {
      assert.ok(
        has(file, ruleId, line),
        `no ${ruleId} finding in ${file}${line ? ` at line ${line}` : ''}:\n${findings
          .filter((f) => f.file.includes(file))
          .map((f) => `${f.ruleId}@${f.line}`)
          .join(' ')}`,
      );
    });
  }

  it('flags all seven empty handlers of the supported-methods sample', () => {
    assert.equal(
      findings.filter((f) => f.file === 'app/api/s01/resource/route.js' && f.ruleId === 'no-missing-response').length,
      7,
    );
  });

  it('does not flag the sample that answers malformed JSON with a 400', () => {
    assert.ok(!has('s06/users/route.js', 'unguarded-json-parse'));
  });
});
