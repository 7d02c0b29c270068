import * as ts from 'typescript';
import { findDeclaration, unwrap, type FunctionNode } from '../ast/query';
import { returnedExpressions } from '../lint/helpers';
import { responseSite } from '../lint/facts';
import { defineRule } from '../lint/rule';
import { HTTP_METHODS, type HttpMethod } from '../nextjs/httpMethods';

/**
 * Next.js dispatches each method to its own export and answers 405 by itself for methods a
 * route does not export. Branching on `request.method` or hand-rolling 405s is Pages Router
 * thinking: the branch is dead, and a hand-written 405 usually lacks `Allow`.
 */
export default defineRule({
  id: 'unsupported-method-status',
  meta: {
    description:
      'A handler that branches on `request.method` or hand-rolls a 405 (Next.js answers unsupported methods itself); a 405 without `Allow`.',
    defaultSeverity: 'info',
    fixable: false,
  },
  appliesTo: (s) =>
    s.mentions('method') || s.facts.responses.some((r) => r.status.value === 405 || r.status.value === 501),
  messages: {
    methodBranch:
      'Next.js calls this handler only for {{receives}} (one export per method), so `{{expr}}` always gives the same answer here and the branch is dead code. Export one handler per method instead.',
    headOnly:
      "`{{expr}}` can only tell GET from HEAD here: Next.js calls this GET handler for GET requests, and for HEAD ones while the route exports no HEAD; every other method gets Next's 405 without reaching it. Remove the check (it answers HEAD requests differently from GET), or export a HEAD handler if HEAD needs its own answer.",
    rejectingExport:
      '`{{method}}` is exported only to reject it with {{status}}. Next.js already answers 405 for methods a route does not export{{options}} — remove this export.',
    missingAllow:
      "A 405 response must say which methods are allowed (RFC 9110 §15.5.6): add an `Allow` header, e.g. `{ Allow: '{{allow}}' }`.",
  },
  create(ctx) {
    const methodsByFn = new Map<FunctionNode, HttpMethod[]>();
    for (const h of ctx.handlers) if (h.fn) methodsByFn.set(h.fn, [...(methodsByFn.get(h.fn) ?? []), h.method]);
    const exported = new Set(ctx.handlers.map((h) => h.method));
    /** The methods a handler function is called for: its exports, plus HEAD when Next.js routes HEAD to GET. */
    const received = (fn: FunctionNode): Set<string> => {
      const methods = new Set<string>(methodsByFn.get(fn) ?? []);
      if (methods.has('GET') && !exported.has('HEAD')) methods.add('HEAD');
      return methods;
    };
    /** Whether the handler's function is also called by name (another export delegating to it), so it may see other methods. */
    const calledElsewhere = (fn: FunctionNode): boolean => {
      let nameNode: ts.Node | undefined;
      if (ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) nameNode = fn.name;
      if (!nameNode && ts.isVariableDeclaration(fn.parent) && fn.parent.initializer === fn) nameNode = fn.parent.name;
      if (!nameNode || !ts.isIdentifier(nameNode)) return false;
      const name = nameNode.text.replace(/\$/g, '\\$');
      // Text scan (only for the rare candidate): a call `name(` that is not the declaration.
      const calls = ctx.text.match(new RegExp(`(?<![\\w$.])(?<!function\\s+)(?<!function\\*\\s*)${name}\\s*\\(`, 'g'));
      return !!calls && calls.length > 0;
    };
    return {
      nodes: {
        [ts.SyntaxKind.PropertyAccessExpression]: (n) => {
          const pa = n as ts.PropertyAccessExpression;
          if (pa.name.text !== 'method') return;
          const target = unwrap(pa.expression);
          if (!ts.isIdentifier(target)) return;
          // Only the request the handler itself receives (its first parameter).
          const h = ctx.facts.handlerFor(pa);
          const fn = h?.fn;
          if (!h || !fn) return;
          const decl = findDeclaration(target.text, target);
          if (!decl || !ts.isParameter(decl) || decl.parent !== fn || fn.parameters[0] !== decl) return;
          // Only a comparison or a switch is a branch; logging or forwarding the method is fine.
          let top: ts.Node = pa;
          while (ts.isParenthesizedExpression(top.parent)) top = top.parent;
          const p = top.parent;
          const methods = received(fn);
          const autoHead = methods.has('HEAD') && !(methodsByFn.get(fn) ?? []).includes('HEAD');
          let literals: string[];
          let nonLiteral = false;
          if (ts.isSwitchStatement(p) && p.expression === top) {
            literals = [];
            for (const c of p.caseBlock.clauses) {
              if (!ts.isCaseClause(c)) continue;
              const e = unwrap(c.expression);
              if (ts.isStringLiteralLike(e)) literals.push(e.text.toUpperCase());
              else nonLiteral = true;
            }
          } else if (ts.isBinaryExpression(p) && /^(===|!==|==|!=)$/.test(p.operatorToken.getText(ctx.sourceFile))) {
            const other = unwrap(p.left === top ? p.right : p.left);
            if (ts.isStringLiteralLike(other)) literals = [other.text.toUpperCase()];
            else {
              literals = [];
              nonLiteral = true;
            }
          } else return;
          // Dead: the handler sees one method only, or a compared method never reaches it.
          const dead = methods.size === 1 || literals.some((l) => !methods.has(l));
          // GET with Next's automatic HEAD: comparing with 'GET' alone only singles out HEAD.
          const headOnly =
            !dead &&
            autoHead &&
            methods.size === 2 &&
            !nonLiteral &&
            literals.length > 0 &&
            literals.every((l) => l === 'GET');
          if ((!dead && !headOnly) || calledElsewhere(fn)) return;
          const expr = (ts.isSwitchStatement(p) ? pa : p).getText(ctx.sourceFile);
          if (headOnly) {
            ctx.report({ node: pa, messageId: 'headOnly', data: { expr } });
            return;
          }
          const list = [...methods];
          const receives = autoHead
            ? `${list.filter((m) => m !== 'HEAD').join('/')} requests (and HEAD ones, which Next.js routes to GET)`
            : `${list.join('/')} requests`;
          ctx.report({ node: pa, messageId: 'methodBranch', data: { receives, expr } });
        },
      },
      onEnd() {
        // Exports that only ever reject their method.
        const rejecting = new Set<string>();
        for (const [fn, methods] of methodsByFn) {
          if (methods.length !== 1) continue;
          const method = methods[0]!;
          // Without its export, OPTIONS gets Next's automatic 204 and HEAD runs GET: removing those changes behaviour.
          if (method === 'OPTIONS' || (method === 'HEAD' && exported.has('GET'))) continue;
          const returns = returnedExpressions(fn);
          if (returns.length === 0) continue;
          const statuses = returns.map((e) => responseSite(unwrap(e))?.status.value);
          if (!statuses.every((st) => st === 405 || st === 501)) continue;
          rejecting.add(method);
          const h = ctx.handlers.find((x) => x.fn === fn)!;
          const options = exported.has('OPTIONS')
            ? ''
            : `, and this export makes the automatic OPTIONS response list ${method} as allowed`;
          ctx.report({
            span: h.nameSpan,
            messageId: 'rejectingExport',
            data: { method, status: String(statuses[0]), options },
          });
        }
        // The same list Next.js's automatic OPTIONS answers with: sorted, HEAD with GET, OPTIONS always.
        const serving = HTTP_METHODS.filter((m) => exported.has(m) && !rejecting.has(m));
        const allow = [...new Set([...serving, ...(serving.includes('GET') ? ['HEAD'] : []), 'OPTIONS'])]
          .sort()
          .join(', ');
        for (const r of ctx.facts.responses) {
          if (r.status.value !== 405 || r.kind === 'redirect') continue;
          if (r.headers.some((hd) => hd.name === 'allow')) continue;
          // Headers we cannot see: a `headers` property we could not read, or a spread in the init.
          if (
            r.initObject &&
            !r.headers.length &&
            r.initObject.properties.some(
              (p) => ts.isSpreadAssignment(p) || (p.name && ts.isIdentifier(p.name) && p.name.text === 'headers'),
            )
          )
            continue;
          if (ctx.facts.headerWrites.some((w) => w.name === 'allow' && w.fn === r.fn && w.via !== 'init')) continue;
          ctx.report({ node: r.status.node ?? r.node, messageId: 'missingAllow', data: { allow } });
        }
      },
    };
  },
});
