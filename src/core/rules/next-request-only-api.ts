import * as ts from 'typescript';
import { findDeclaration } from '../ast/query';
import { addNamedImport } from '../lint/fixes';
import { defineRule, type FixSpec } from '../lint/rule';

const NEXT_ONLY = new Set(['cookies', 'nextUrl']);

/**
 * `request.cookies` and `request.nextUrl` exist on `NextRequest`. The runtime object is a
 * NextRequest, but with the parameter typed `Request` TypeScript rejects the access (or, in
 * code that casts around it, readers and tools are misled).
 */
export default defineRule({
  id: 'next-request-only-api',
  meta: {
    description: '`request.cookies` / `request.nextUrl` on a parameter typed `Request` (they exist on `NextRequest`).',
    defaultSeverity: 'error',
    fixable: 'safe',
  },
  messages: {
    needsNextRequest:
      '`{{name}}.{{prop}}` exists on `NextRequest`, but `{{name}}` is typed `Request`: `tsc` fails with "Property \'{{prop}}\' does not exist on type \'Request\'". Type the parameter `NextRequest` (from `next/server`).',
  },
  create(ctx) {
    return {
      onEnd() {
        const seen = new Set<ts.Node>();
        for (const h of ctx.handlers) {
          const fn = h.fn;
          if (!fn?.body || seen.has(fn)) continue;
          seen.add(fn);
          const param = fn.parameters[0];
          if (!param || !ts.isIdentifier(param.name) || !param.type || !ts.isTypeReferenceNode(param.type) || param.type.typeName.getText(ctx.sourceFile) !== 'Request') continue;
          const name = param.name.text;
          const type = param.type;
          const fix = (): FixSpec | undefined => {
            const edits = [{ start: type.getStart(ctx.sourceFile), end: type.end, text: 'NextRequest' }];
            const imp = addNamedImport(ctx.sourceFile, ctx.style, 'next/server', 'NextRequest');
            return { title: 'Type the request as `NextRequest`', edits: imp ? [imp, ...edits] : edits };
          };
          const walk = (n: ts.Node): void => {
            if (ts.isPropertyAccessExpression(n) && NEXT_ONLY.has(n.name.text) && ts.isIdentifier(n.expression) && n.expression.text === name && findDeclaration(name, n) === param) {
              ctx.report({ node: n, messageId: 'needsNextRequest', data: { name, prop: n.name.text }, fix });
            }
            ts.forEachChild(n, walk);
          };
          walk(fn.body);
        }
      },
    };
  },
});
