/**
 * Every snippet, in both variants, expanded with its defaults into a route file: it
 * type-checks (strict) against the real `next` package with the handler shape `next build`
 * checks, and our own linter finds nothing in it. The same holds once the editor has bound
 * it to a route with several params, and to an optional catch-all.
 */
import * as assert from 'node:assert/strict';
import { expandEverySnippet, loadSnippets } from '../../../scripts/snippets/expand';
import { parseDocument } from '../../../src/core/ast/parse';
import { lintDocument } from '../../../src/core/lint/lint';
import type { AnyRule } from '../../../src/core/lint/rule';
import { RULES } from '../../../src/core/rules';
import { SNIPPET_FILES } from '../../../src/core/snippets';
import { typeCheck } from '../../support/typecheck';
import { routeInfoFor } from '../support/ruleTester';

describe('every snippet, expanded with its defaults', function () {
  this.timeout(180000);
  const files = expandEverySnippet();

  it('covers both variants of every snippet and the bound forms', () => {
    const count = Object.keys(loadSnippets(SNIPPET_FILES.typescript)).length;
    assert.ok(files.filter((f) => / bound to /.test(f.label)).length >= 8);
    assert.equal(files.filter((f) => !/ bound to /.test(f.label)).length, count * 2);
  });

  it('type-checks against the real next types, strict, with the handler shape next build expects', () => {
    const result = typeCheck(files, 'snippets');
    const problems = [...result].map(([file, msgs]) => `${file}:\n  ${msgs.join('\n  ')}`);
    assert.deepEqual(problems, [], problems.join('\n'));
  });

  for (const f of files) {
    it(`lints ${f.label} with zero findings`, () => {
      const info = routeInfoFor(f.path);
      const findings = lintDocument(parseDocument(f.path, f.text), {
        rules: RULES as readonly AnyRule[],
        route: info,
        project: { nextMajor: 16 },
      });
      assert.deepEqual(
        findings.map((x) => `${x.ruleId}: ${x.message}`),
        [],
        f.text,
      );
    });
  }
});
