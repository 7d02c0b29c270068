import * as ts from 'typescript';
import { isFunctionNode, unwrap } from '../ast/query';
import { jsonBodyOf } from '../lint/analysis/responses';
import { defineRule } from '../lint/rule';

/** Properties of an error that are fine to send (codes, not internals). */
const HARMLESS = new Set(['code', 'name', 'status', 'statusCode', 'issues', 'errors', 'digest']);

/** The catch variable in scope for `node`: `catch (error)` or `.catch((err) => …)`. */
function caughtName(node: ts.Node): string | undefined {
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isCatchClause(n)) {
      const v = n.variableDeclaration?.name;
      return v && ts.isIdentifier(v) ? v.text : undefined;
    }
    if (
      (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) &&
      ts.isCallExpression(n.parent) &&
      ts.isPropertyAccessExpression(n.parent.expression) &&
      n.parent.expression.name.text === 'catch'
    ) {
      const p = n.parameters[0]?.name;
      return p && ts.isIdentifier(p) ? p.text : undefined;
    }
    if (isFunctionNode(n)) return undefined;
  }
  return undefined;
}

/** The first place in `body` that sends the caught error's internals. */
function findLeak(body: ts.Node, name: string): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(n) && n.text === name) {
      // `error.code` and friends are fine; anything else that sends the error is not.
      let top: ts.Node = n;
      while (
        ts.isParenthesizedExpression(top.parent) ||
        ts.isAsExpression(top.parent) ||
        ts.isNonNullExpression(top.parent)
      )
        top = top.parent;
      const parent = top.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === top) {
        if (HARMLESS.has(parent.name.text)) return;
        found = parent;
        return;
      }
      if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword) return;
      if (ts.isPropertyAssignment(parent) && parent.name === n) return;
      found = top;
      return;
    }
    if (isFunctionNode(n)) return;
    ts.forEachChild(n, visit);
  };
  visit(body);
  return found;
}

/**
 * `error.message`, `error.stack` or the raw error in a 500 response hands internals to anyone
 * who can trigger it: SQL fragments, file paths, hostnames, stack frames.
 */
export default defineRule({
  id: 'no-error-details-in-response',
  meta: {
    description: '`error.message`, `error.stack` or the raw caught error returned to the client in a 5xx response.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  appliesTo: (s) => s.facts.responses.length > 0,
  messages: {
    errorDetails:
      '`{{expr}}` sends the internals of a server error to the client (messages can hold SQL, paths, hostnames; stacks show your code). Log it with `console.error` and answer a fixed message.',
  },
  create(ctx) {
    return {
      onEnd() {
        for (const r of ctx.facts.responses) {
          const status = r.status.value;
          if (!r.status.implicit && (status === undefined || status < 500)) continue;
          const body = r.kind === 'json' ? r.body : r.kind === 'constructor' ? r.body : undefined;
          if (!body) continue;
          const name = caughtName(r.node);
          if (!name) continue;
          const leak = findLeak(jsonBodyOf(r) ?? unwrap(body), name);
          if (leak) ctx.report({ node: leak, messageId: 'errorDetails', data: { expr: leak.getText(ctx.sourceFile) } });
        }
      },
    };
  },
});
