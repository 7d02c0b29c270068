import * as ts from 'typescript';
import { findDeclaration, isFunctionNode, unwrap } from '../ast/query';
import { ensureImport } from '../lint/analysis/nextImports';
import { defineRule, type FixSpec } from '../lint/rule';

const NEXT_ONLY: ReadonlySet<string> = new Set(['cookies', 'nextUrl']);

/** Whether the file declares or imports its own `Request` (then `Request` is not the Fetch type). */
function hasOwnRequestType(sf: ts.SourceFile): boolean {
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      const clause = st.importClause;
      const nb = clause?.namedBindings;
      if (
        clause?.name?.text === 'Request' ||
        (nb && ts.isNamedImports(nb) && nb.elements.some((e) => e.name.text === 'Request'))
      )
        return true;
    } else if (
      (ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st) || ts.isClassDeclaration(st)) &&
      st.name?.text === 'Request'
    ) {
      return true;
    }
  }
  return false;
}

/** The parameter `id` refers to, when it is typed exactly `Request`. */
function requestTypedParam(id: ts.Identifier): ts.ParameterDeclaration | undefined {
  const decl = findDeclaration(id.text, id);
  if (!decl || !ts.isParameter(decl) || !ts.isIdentifier(decl.name) || !decl.type) return undefined;
  const t = decl.type;
  if (!ts.isTypeReferenceNode(t) || t.typeArguments || !ts.isIdentifier(t.typeName) || t.typeName.text !== 'Request')
    return undefined;
  return decl;
}

/**
 * `request.cookies` and `request.nextUrl` exist on `NextRequest`. The runtime object is a
 * NextRequest, but with the parameter typed `Request` TypeScript rejects the access, and
 * code that casts around it misleads readers and tools.
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
      "`{{name}}.{{prop}}` exists on `NextRequest`, but `{{name}}` is typed `Request`: `tsc` and `next build` fail with \"Property '{{prop}}' does not exist on type 'Request'\". Type the parameter `NextRequest` (from `next/server`).",
  },
  create(ctx) {
    const sf = ctx.sourceFile;
    let ownRequest: boolean | undefined;
    let fns: Set<ts.Node> | undefined;
    const handlerFns = (): Set<ts.Node> => (fns ??= new Set(ctx.handlers.flatMap((h) => (h.fn ? [h.fn] : []))));

    const check = (id: ts.Identifier, at: ts.Node, prop: string): void => {
      const param = requestTypedParam(id);
      if (!param || (ownRequest ??= hasOwnRequestType(sf))) return;
      const fn = param.parent;
      // A handler receives a NextRequest, so retyping it is always right. A helper's callers
      // may pass a plain Request, so there it is a suggestion.
      const isHandler = isFunctionNode(fn) && fn.parameters[0] === param && handlerFns().has(fn);
      const build = (): FixSpec | undefined => {
        const imp = ensureImport(sf, ctx.style, 'next/server', 'NextRequest', 'type');
        if (imp === 'conflict') return undefined;
        const type = param.type!;
        const edits = [{ start: type.getStart(sf), end: type.end, text: 'NextRequest' }];
        return {
          title: isHandler
            ? 'Type the request as NextRequest'
            : 'Type this parameter as NextRequest (check its callers pass one)',
          edits: imp.edit ? [imp.edit, ...edits] : edits,
        };
      };
      const data = { name: id.text, prop };
      if (isHandler) ctx.report({ node: at, messageId: 'needsNextRequest', data, fix: build });
      else
        ctx.report({
          node: at,
          messageId: 'needsNextRequest',
          data,
          suggestions: () => {
            const f = build();
            return f ? [f] : [];
          },
        });
    };

    return {
      nodes: {
        [ts.SyntaxKind.PropertyAccessExpression]: (n) => {
          const pa = n as ts.PropertyAccessExpression;
          if (!NEXT_ONLY.has(pa.name.text) || !ctx.style.typescript) return;
          const obj = unwrap(pa.expression);
          if (ts.isIdentifier(obj)) check(obj, pa, pa.name.text);
        },
        [ts.SyntaxKind.VariableDeclaration]: (n) => {
          // `const { nextUrl, cookies } = request`
          const decl = n as ts.VariableDeclaration;
          if (!ctx.style.typescript || !decl.initializer || !ts.isObjectBindingPattern(decl.name)) return;
          const init = unwrap(decl.initializer);
          if (!ts.isIdentifier(init)) return;
          for (const el of decl.name.elements) {
            const key = el.propertyName ?? el.name;
            if (!el.dotDotDotToken && ts.isIdentifier(key) && NEXT_ONLY.has(key.text)) check(init, el, key.text);
          }
        },
      },
    };
  },
});
