import * as ts from 'typescript';
import { getPropertyValue, literalValue, resolveValue } from '../ast/query';
import { jsonBodyObject, setStatusEdits } from '../lint/analysis/responses';
import type { ResponseSite } from '../lint/facts';
import { enclosingCatch } from '../lint/helpers';
import { defineRule } from '../lint/rule';

/** A status that matches what the error message says, else 400 (client) or 500 (in a catch). */
export function statusForError(message: string | undefined, inCatch: boolean): number {
  const m = message ?? '';
  if (/not found|does not exist|doesn't exist|no such/i.test(m)) return 404;
  if (
    /unauthori[sz]ed|not authenticated|unauthenticated|invalid (or expired )?(token|session|credentials)|expired (token|session)|sign ?in required|login required|no session/i.test(
      m,
    )
  )
    return 401;
  if (/forbidden|not allowed|permission|access denied/i.test(m)) return 403;
  if (/already exists|conflict|duplicate/i.test(m)) return 409;
  if (/method not allowed/i.test(m)) return 405;
  if (/too many requests|rate limit/i.test(m)) return 429;
  return inCatch ? 500 : 400;
}

/** Error messages that blame the request: a missing or malformed field. */
const CLIENT_MISTAKE =
  /\b(is required|are required|required field|missing|must be|must have|must include|invalid (input|body|request|json|parameter|param|field|email|id|format|query)|malformed)\b/i;

/** …unless it is about the server's own setup: "Missing STRIPE_SECRET_KEY", "invalid config". */
const SERVER_SIDE = /\b(env|environment|config\w*|server|secret|api ?key|internal|database|token)\b|[A-Z]{2,}_[A-Z]/i;

function isInCatch(node: ts.Node): boolean {
  if (enclosingCatch(node)) return true;
  // `.catch((error) => Response.json({ error: … }))`
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (
      (ts.isArrowFunction(n) || ts.isFunctionExpression(n)) &&
      ts.isCallExpression(n.parent) &&
      ts.isPropertyAccessExpression(n.parent.expression) &&
      n.parent.expression.name.text === 'catch'
    )
      return true;
    if (ts.isFunctionDeclaration(n)) return false;
  }
  return false;
}

/**
 * An `{ error: … }` body sent as 200 tells clients, caches and monitoring that all went well:
 * `fetch` sees `res.ok === true`, and under `force-static` the error would even be cached.
 */
export default defineRule({
  id: 'error-status-mismatch',
  meta: {
    description:
      'An `{ error: … }` body sent with a 2xx status or no status at all (so 200), or a client mistake ("… is required") sent with 500.',
    defaultSeverity: 'warning',
    fixable: 'safe',
  },
  appliesTo: (s) => s.facts.responses.length > 0,
  messages: {
    implicitOk:
      'This error response has no status, so it is sent as 200 OK: clients see `res.ok === true`. Give it an error status ({{suggested}} here).',
    clientErrorAs500:
      'This error says the request is wrong ("{{error}}") but is sent with 500, a server error: clients, monitoring and retries blame the server. Use {{suggested}}.',
    successStatus:
      'This error response is sent with {{status}}, a success status: clients see `res.ok === true`. Use an error status ({{suggested}} here).',
  },
  create(ctx) {
    /** `Response.json({ error: 'email is required' }, { status: 500 })` outside a catch: a client mistake. */
    const reportClientErrorAs500 = (r: ResponseSite): void => {
      if (isInCatch(r.node) || !r.status.node) return;
      const body = jsonBodyObject(r);
      const error = body && getPropertyValue(body, 'error');
      const message = error && literalValue(resolveValue(error));
      if (typeof message !== 'string' || !CLIENT_MISTAKE.test(message) || SERVER_SIDE.test(message)) return;
      const suggested = statusForError(message, false);
      const edits = setStatusEdits(ctx, r, suggested);
      ctx.report({
        node: r.status.node,
        messageId: 'clientErrorAs500',
        data: { error: message.length > 60 ? message.slice(0, 57) + '…' : message, suggested },
        ...(edits ? { fix: { title: `Send it with status ${suggested}`, edits } } : {}),
      });
    };
    return {
      onEnd() {
        for (const r of ctx.facts.responses) {
          if (r.kind !== 'json' && r.kind !== 'constructor') continue;
          const status = r.status.value;
          if (status === 500) {
            reportClientErrorAs500(r);
            continue;
          }
          if (!r.status.implicit && (status === undefined || status < 200 || status > 299)) continue;
          const body = jsonBodyObject(r);
          if (!body) continue;
          const error = getPropertyValue(body, 'error');
          if (!error) continue;
          const errorValue = resolveValue(error);
          if (
            errorValue.kind === ts.SyntaxKind.NullKeyword ||
            errorValue.kind === ts.SyntaxKind.FalseKeyword ||
            (ts.isIdentifier(errorValue) && errorValue.text === 'undefined')
          )
            continue;
          // `{ success: true, error: … }`-style envelopes are not error responses
          const success = getPropertyValue(body, 'success') ?? getPropertyValue(body, 'ok');
          if (success && literalValue(success) === true) continue;
          const message = literalValue(error);
          const suggested = statusForError(typeof message === 'string' ? message : undefined, isInCatch(r.node));
          const edits = setStatusEdits(ctx, r, suggested);
          ctx.report({
            node: r.status.implicit ? r.node : r.status.node!,
            messageId: r.status.implicit ? 'implicitOk' : 'successStatus',
            data: { suggested, status: status ?? 200 },
            ...(edits ? { fix: { title: `Send it with status ${suggested}`, edits } } : {}),
          });
        }
      },
    };
  },
});
