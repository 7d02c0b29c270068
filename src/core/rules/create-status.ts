import * as ts from 'typescript';
import { findDeclaration, isConstDeclaration, unwrap } from '../ast/query';
import { jsonBodyOf, setStatusEdits } from '../lint/analysis/responses';
import type { ResponseSite } from '../lint/facts';
import { defineRule } from '../lint/rule';

const CREATE_METHODS = new Set(['create', 'createOne', 'insert', 'insertOne', 'save', 'add']);
const NOT_A_STORE =
  /^(crypto|Object|Array|Map|Set|Reflect|document|window|fs|path|React|Promise|Date|Math|JSON|URL|headers|cookies|searchParams|formData)$/;

/** `await db.posts.create(…)`, `await prisma.post.create(…)`, `await repo.save(…)`. */
function isCreateCall(expr: ts.Expression): boolean {
  let e = unwrap(expr);
  if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  else return false;
  if (!ts.isCallExpression(e)) return false;
  const callee = unwrap(e.expression);
  if (!ts.isPropertyAccessExpression(callee) || !CREATE_METHODS.has(callee.name.text)) return false;
  const receiver = unwrap(callee.expression);
  const root = receiver.getText().split('.')[0]!;
  return !NOT_A_STORE.test(root) && !NOT_A_STORE.test(receiver.getText());
}

function holdsCreatedRow(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (isCreateCall(e)) return true;
  if (ts.isIdentifier(e)) {
    const decl = findDeclaration(e.text, e);
    return (
      !!decl &&
      ts.isVariableDeclaration(decl) &&
      isConstDeclaration(decl) &&
      !!decl.initializer &&
      isCreateCall(decl.initializer)
    );
  }
  if (ts.isObjectLiteralExpression(e)) {
    return e.properties.some(
      (p) =>
        (ts.isShorthandPropertyAssignment(p) && holdsCreatedRow(p.name)) ||
        (ts.isPropertyAssignment(p) && holdsCreatedRow(p.initializer)),
    );
  }
  return false;
}

/** RFC 9110 §15.3.2: a request that created a resource answers 201 Created (with its Location). */
export default defineRule({
  id: 'create-status',
  meta: {
    description: 'A POST that creates a resource and answers 200 instead of 201 Created.',
    defaultSeverity: 'info',
    fixable: 'safe',
  },
  appliesTo: (s) => s.facts.responses.length > 0,
  messages: {
    createdWith200:
      'This POST creates a resource but answers {{status}}: send `201 Created` (and a `Location` header for the new resource) so clients and caches know it was created.',
  },
  create(ctx) {
    const report = (r: ResponseSite): void => {
      const edits = setStatusEdits(ctx, r, 201);
      ctx.report({
        node: r.status.implicit ? r.node : r.status.node!,
        messageId: 'createdWith200',
        data: { status: r.status.value ?? 200 },
        ...(edits ? { fix: { title: 'Answer 201 Created', edits } } : {}),
      });
    };
    return {
      onEnd() {
        for (const r of ctx.facts.responses) {
          if (r.kind !== 'json' && r.kind !== 'constructor') continue;
          if (!r.status.implicit && r.status.value !== 200) continue;
          if (ctx.facts.handlerFor(r.node)?.method !== 'POST') continue;
          const body = jsonBodyOf(r);
          if (body && holdsCreatedRow(body)) report(r);
        }
      },
    };
  },
});
