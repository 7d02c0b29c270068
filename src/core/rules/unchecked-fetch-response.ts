import * as ts from 'typescript';
import { isFunctionNode, unwrap, type FunctionNode } from '../ast/query';
import { usesOf } from '../lint/analysis/query';
import { contains } from '../lint/helpers';
import { defineRule } from '../lint/rule';

const STATUS_READS = new Set(['ok', 'status', 'statusText']);
const BODY_READS = new Set(['json', 'text']);

/** `const res = await fetch(…)` declarations in `fn`'s own body. */
function fetchDeclarations(fn: FunctionNode): ts.VariableDeclaration[] {
  const out: ts.VariableDeclaration[] = [];
  const walk = (n: ts.Node): void => {
    if (isFunctionNode(n)) return;
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
      const init = unwrap(n.initializer);
      if (ts.isAwaitExpression(init)) {
        const call = unwrap(init.expression);
        if (ts.isCallExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === 'fetch')
          out.push(n);
      }
    }
    ts.forEachChild(n, walk);
  };
  if (fn.body) ts.forEachChild(fn.body, walk);
  return out;
}

/**
 * The body reads of `res` (`res.json()`, `res.text()`), or undefined when `res` is used any
 * other way: its status checked (`res.ok`, `res.status`), or handed on (`return res`, `proxy(res)`),
 * where someone else may look at the status.
 */
function bodyReadsOnly(fn: FunctionNode, decl: ts.VariableDeclaration): ts.CallExpression[] | undefined {
  const reads: ts.CallExpression[] = [];
  for (const use of usesOf(fn, decl)) {
    const p = use.parent;
    if (ts.isPropertyAccessExpression(p) && p.expression === use) {
      if (STATUS_READS.has(p.name.text)) return undefined;
      if (BODY_READS.has(p.name.text) && ts.isCallExpression(p.parent) && p.parent.expression === p) {
        reads.push(p.parent);
        continue;
      }
    }
    return undefined;
  }
  return reads;
}

/**
 * `fetch` resolves for 4xx and 5xx answers too; only network failures reject. Returning the
 * upstream's body without looking at `res.ok` answers its error page as 200 to the client
 * (https://developer.mozilla.org/en-US/docs/Web/API/Window/fetch#checking_response_status).
 */
export default defineRule({
  id: 'unchecked-fetch-response',
  meta: {
    description:
      'A `fetch()` result whose body is sent to the client without checking `res.ok` (an upstream error becomes a 200).',
    defaultSeverity: 'warning',
    fixable: false,
  },
  appliesTo: (s) => s.facts.responses.length > 0 && s.mentions('fetch'),
  messages: {
    uncheckedOk:
      '`{{name}}` is never checked (`{{name}}.ok`): `fetch` resolves for 4xx/5xx answers too, so when the upstream fails this handler sends its error body with status 200{{cached}}. Check `if (!{{name}}.ok)` and answer an error status.',
  },
  create(ctx) {
    const cached = ctx.exports.some((e) => e.name === 'revalidate' || e.name === 'dynamic')
      ? ', and the route segment config may cache it'
      : '';
    return {
      onEnd() {
        const seen = new Set<ts.Node>();
        for (const h of ctx.handlers) {
          const fn = h.fn;
          if (!fn || seen.has(fn)) continue;
          seen.add(fn);
          const bodies = ctx.facts.responses.filter((r) => r.fn === fn && r.body).map((r) => r.body!);
          if (!bodies.length) continue;
          for (const decl of fetchDeclarations(fn)) {
            const reads = bodyReadsOnly(fn, decl);
            if (!reads?.length || !reads.some((read) => reachesBody(fn, read, bodies))) continue;
            const name = (decl.name as ts.Identifier).text;
            ctx.report({ node: decl.name, messageId: 'uncheckedOk', data: { name, cached } });
          }
        }
      },
    };
  },
});

/** Whether the body read (or the variable holding its result) is part of a response body. */
function reachesBody(fn: FunctionNode, read: ts.CallExpression, bodies: readonly ts.Expression[]): boolean {
  if (bodies.some((b) => contains(b, read))) return true;
  let top: ts.Node = read;
  while (ts.isAwaitExpression(top.parent) || ts.isParenthesizedExpression(top.parent)) top = top.parent;
  const holder = top.parent;
  if (!holder || !ts.isVariableDeclaration(holder) || holder.initializer !== top || !ts.isIdentifier(holder.name))
    return false;
  return usesOf(fn, holder).some((use) => bodies.some((b) => contains(b, use)));
}
