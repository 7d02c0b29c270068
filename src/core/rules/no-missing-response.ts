import * as ts from 'typescript';
import { unwrap, type FunctionNode } from '../ast/query';
import { importedNameFrom } from '../lint/helpers';
import { defineRule } from '../lint/rule';

const NEVER_RETURNS = new Set(['redirect', 'permanentRedirect', 'notFound', 'forbidden', 'unauthorized']);

function endsControl(expr: ts.Expression): boolean {
  const e = unwrap(expr);
  if (!ts.isCallExpression(e)) return false;
  const callee = unwrap(e.expression);
  if (ts.isIdentifier(callee)) {
    const imported = importedNameFrom(callee, 'next/navigation');
    return !!imported && NEVER_RETURNS.has(imported);
  }
  return /^process\.exit$/.test(callee.getText());
}

/** Whether control can run past the end of `statement` (a light reachability analysis). */
function completes(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return false;
  if (ts.isExpressionStatement(statement)) return !endsControl(statement.expression);
  if (ts.isBlock(statement)) return listCompletes(statement.statements);
  if (ts.isIfStatement(statement)) return completes(statement.thenStatement) || !statement.elseStatement || completes(statement.elseStatement);
  if (ts.isTryStatement(statement)) {
    if (statement.finallyBlock && !listCompletes(statement.finallyBlock.statements)) return false;
    return listCompletes(statement.tryBlock.statements) || (!!statement.catchClause && listCompletes(statement.catchClause.block.statements));
  }
  if (ts.isSwitchStatement(statement)) {
    const clauses = statement.caseBlock.clauses;
    if (!clauses.some((c) => ts.isDefaultClause(c))) return true;
    // Every clause that ends the switch must end the function; a `break` completes it.
    const hasBreak = (n: ts.Node): boolean => {
      if (ts.isBreakStatement(n) && !n.label) return true;
      if (ts.isIterationStatement(n, false) || ts.isSwitchStatement(n) || ts.isFunctionLike(n)) return false;
      return !!ts.forEachChild(n, (c) => (hasBreak(c) ? true : undefined));
    };
    if (clauses.some((c) => c.statements.some(hasBreak))) return true;
    const last = clauses[clauses.length - 1]!;
    return listCompletes(last.statements);
  }
  if ((ts.isWhileStatement(statement) || ts.isDoStatement(statement)) && statement.expression.kind === ts.SyntaxKind.TrueKeyword) return containsBreak(statement.statement);
  if (ts.isForStatement(statement) && !statement.condition) return containsBreak(statement.statement);
  if (ts.isLabeledStatement(statement)) return true;
  return true;
}

function containsBreak(n: ts.Node): boolean {
  if (ts.isBreakStatement(n)) return true;
  if (ts.isFunctionLike(n)) return false;
  return !!ts.forEachChild(n, (c) => (containsBreak(c) ? true : undefined));
}

function listCompletes(statements: ts.NodeArray<ts.Statement>): boolean {
  for (const s of statements) if (!completes(s)) return false;
  return true;
}

/**
 * A handler path that ends without returning a Response makes Next.js answer 500:
 * "No response is returned from route handler '…'. Ensure you return a `Response` or a
 * `NextResponse` in all branches of your handler."
 */
export default defineRule({
  id: 'no-missing-response',
  meta: {
    description: 'A code path of a handler that ends without returning a Response (Next.js answers 500).',
    defaultSeverity: 'error',
    fixable: false,
  },
  messages: {
    fallsOffEnd:
      'The `{{method}}` handler can reach its end without returning a Response: Next.js then answers 500 ("No response is returned from route handler"). Return a response on every path.',
    emptyReturn:
      '`{{text}}` returns no Response: Next.js answers 500 ("No response is returned from route handler"). Return a response, e.g. `new Response(null, { status: 204 })`.',
  },
  create(ctx) {
    return {
      onEnd() {
        const seen = new Set<FunctionNode>();
        for (const h of ctx.handlers) {
          const fn = h.fn;
          if (!fn || seen.has(fn) || !fn.body || !ts.isBlock(fn.body) || h.wrapper) continue;
          seen.add(fn);
          const body = fn.body;
          const visit = (n: ts.Node): void => {
            if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
            if (ts.isReturnStatement(n)) {
              const e = n.expression && unwrap(n.expression);
              if (!e || e.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(e) && e.text === 'undefined') || ts.isVoidExpression(e)) {
                ctx.report({ node: n, messageId: 'emptyReturn', data: { text: n.getText(ctx.sourceFile) } });
              }
            }
            ts.forEachChild(n, visit);
          };
          ts.forEachChild(body, visit);
          if (listCompletes(body.statements)) {
            const close = body.end - 1;
            ctx.report({ span: { start: close, end: body.end }, messageId: 'fallsOffEnd', data: { method: h.method } });
          }
        }
      },
    };
  },
});
