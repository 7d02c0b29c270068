import * as ts from 'typescript';
import { findDeclaration, isFunctionNode, unwrap } from '../ast/query';
import { ensureImport } from '../lint/analysis/nextImports';
import { defineRule, type CodeStyle, type FixSpec } from '../lint/rule';
import { findHandlerFunctions } from '../nextjs/exports';

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

interface Use {
  /** The identifier the property is read from (`request`). */
  readonly id: ts.Identifier;
  /** Where to report: the property access or the binding element. */
  readonly at: ts.Node;
  readonly prop: string;
}

/** `request.cookies` / `request.nextUrl`. */
function propertyUse(pa: ts.PropertyAccessExpression): Use[] {
  const obj = unwrap(pa.expression);
  return NEXT_ONLY.has(pa.name.text) && ts.isIdentifier(obj) ? [{ id: obj, at: pa, prop: pa.name.text }] : [];
}

/** `const { nextUrl, cookies } = request`. */
function destructuredUses(decl: ts.VariableDeclaration): Use[] {
  if (!decl.initializer || !ts.isObjectBindingPattern(decl.name)) return [];
  const init = unwrap(decl.initializer);
  if (!ts.isIdentifier(init)) return [];
  return decl.name.elements.flatMap((el) => {
    const key = el.propertyName ?? el.name;
    return !el.dotDotDotToken && ts.isIdentifier(key) && NEXT_ONLY.has(key.text)
      ? [{ id: init, at: el, prop: key.text }]
      : [];
  });
}

/** Retypes `param` as `NextRequest`, importing the type when needed (undefined when the name is taken). */
function retypeFix(sf: ts.SourceFile, style: CodeStyle, param: ts.ParameterDeclaration, isHandler: boolean) {
  return (): FixSpec | undefined => {
    const imp = ensureImport(sf, style, 'next/server', 'NextRequest', 'type');
    if (imp === 'conflict') return undefined;
    const edits = [{ start: param.type!.getStart(sf), end: param.type!.end, text: 'NextRequest' }];
    return {
      title: isHandler
        ? 'Type the request as NextRequest'
        : 'Type this parameter as NextRequest (check its callers pass one)',
      edits: imp.edit ? [imp.edit, ...edits] : edits,
    };
  };
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
    const check = ({ id, at, prop }: Use): void => {
      const param = requestTypedParam(id);
      if (!param || (ownRequest ??= hasOwnRequestType(sf))) return;
      const fn = param.parent;
      // A handler receives a NextRequest, so retyping it is always right. A helper's callers
      // may pass a plain Request, so there it is a suggestion.
      const isHandler = isFunctionNode(fn) && fn.parameters[0] === param && findHandlerFunctions(ctx.doc).has(fn);
      const build = retypeFix(sf, ctx.style, param, isHandler);
      const finding = { node: at, messageId: 'needsNextRequest', data: { name: id.text, prop } } as const;
      if (isHandler) ctx.report({ ...finding, fix: build });
      else ctx.report({ ...finding, suggestions: () => [build()].filter((f) => f !== undefined) });
    };
    if (!ctx.style.typescript) return {};
    return {
      nodes: {
        [ts.SyntaxKind.PropertyAccessExpression]: (n) => propertyUse(n as ts.PropertyAccessExpression).forEach(check),
        [ts.SyntaxKind.VariableDeclaration]: (n) => destructuredUses(n as ts.VariableDeclaration).forEach(check),
      },
    };
  },
});
