import * as ts from 'typescript';
import { indentationAt } from '../ast/query';
import type { BodyRead, ResponseSite } from '../lint/facts';
import { quote } from '../lint/fixes';
import { enclosingTryBlock } from '../lint/helpers';
import { defineRule, type FixSpec } from '../lint/rule';

type Guard = 'clientError' | 'serverError' | 'none';

function contains(outer: ts.Node, inner: ts.Node): boolean {
  return inner.pos >= outer.pos && inner.end <= outer.end;
}

/**
 * `await request.json()` throws a SyntaxError on a malformed or empty body (and `formData()`
 * a TypeError on the wrong content type). That is the client's mistake, so the answer is a
 * 400 — not Next.js's generic 500, and not a 500 from a catch-all.
 */
export default defineRule({
  id: 'unguarded-json-parse',
  meta: {
    description: '`await request.json()` / `formData()` whose failure (malformed body) is not answered with a 400.',
    defaultSeverity: 'warning',
    fixable: 'suggestion',
  },
  messages: {
    unguarded:
      '`{{call}}` throws when the body is not valid {{kind}}; nothing catches it here, so a client mistake becomes a 500. Answer 400: `await {{call}}.catch(() => null)` and check for `null`, or catch and return 400.',
    caughtAs500:
      '`{{call}}` is inside a try whose catch answers 5xx only: a malformed body is the client\'s mistake and should get a 400, not a server error.',
  },
  create(ctx) {
    const responsesIn = (block: ts.Node): ResponseSite[] => ctx.facts.responses.filter((r) => contains(block, r.node));
    const guardOf = (read: BodyRead): Guard => {
      let guard: Guard = 'none';
      for (let t = enclosingTryBlock(read.call); t; t = enclosingTryBlock(t)) {
        const c = t.catchClause;
        if (!c) continue;
        const answers = responsesIn(c.block);
        const rethrows = (() => {
          let found = false;
          const walk = (n: ts.Node): void => {
            if (found) return;
            if (ts.isThrowStatement(n)) found = true;
            else ts.forEachChild(n, walk);
          };
          walk(c.block);
          return found;
        })();
        if (rethrows || answers.some((r) => r.status.value === undefined || (r.status.value >= 400 && r.status.value < 500))) return 'clientError';
        if (answers.length) guard = 'serverError';
      }
      return guard;
    };
    const suggestionFor = (read: BodyRead): FixSpec | undefined => {
      const decl = read.awaitNode?.parent;
      if (!decl || !ts.isVariableDeclaration(decl) || decl.initializer !== read.awaitNode || !ts.isIdentifier(decl.name)) return undefined;
      const statement = decl.parent.parent;
      if (!ts.isVariableStatement(statement) || statement.declarationList.declarations.length !== 1 || !ts.isBlock(statement.parent)) return undefined;
      const name = decl.name.text;
      const callText = read.call.getText(ctx.sourceFile);
      const indent = indentationAt(ctx.text, statement.getStart(ctx.sourceFile));
      const u = ctx.style.indentUnit;
      const semi = ctx.style.semicolons ? ';' : '';
      const message = read.method === 'json' ? 'Request body must be valid JSON' : 'Request body must be form data';
      const check = `\n${indent}if (${name} === null) {\n${indent}${u}return Response.json({ error: ${quote(ctx.style, message)} }, { status: 400 })${semi}\n${indent}}`;
      return {
        title: `Answer 400 when the body is not valid ${read.method === 'json' ? 'JSON' : 'form data'}`,
        edits: [
          { start: read.call.getStart(ctx.sourceFile), end: read.call.end, text: `${callText}.catch(() => null)` },
          { start: statement.end, end: statement.end, text: check },
        ],
      };
    };
    return {
      onEnd() {
        for (const read of ctx.facts.bodyReads) {
          if (read.method !== 'json' && read.method !== 'formData') continue;
          if (!read.awaitNode) continue;
          const handler = ctx.facts.handlerFor(read.call);
          if (handler?.wrapper) continue;
          const guard = guardOf(read);
          if (guard === 'clientError') continue;
          const call = read.call.getText(ctx.sourceFile);
          ctx.report({
            node: read.call,
            messageId: guard === 'serverError' ? 'caughtAs500' : 'unguarded',
            data: { call: call.length > 40 ? 'request.' + read.method + '()' : call, kind: read.method === 'json' ? 'JSON' : 'form data' },
            ...(guard === 'none'
              ? {
                  suggestions: () => {
                    const s = suggestionFor(read);
                    return s ? [s] : [];
                  },
                }
              : {}),
          });
        }
      },
    };
  },
});
