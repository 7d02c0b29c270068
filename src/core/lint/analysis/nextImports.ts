/**
 * Import edits for fixes that introduce a Next.js name (`NextRequest` as a type,
 * `NextResponse` or `unstable_rethrow` as a value): reuse an existing import, extend the module's
 * import the right way (`type X` inside a value import, plain `X` inside `import type`),
 * or add one line after the last import in the file's quote and semicolon style. Returns
 * `'conflict'` when the name is already taken by something else, or is imported in a way
 * an added specifier cannot fix cleanly (the caller then offers no fix).
 */
import * as ts from 'typescript';
import { isImportFrom } from '../../ast/imports';
import type { CodeStyle, EditSpec } from '../rule';

export type ImportEdit = { readonly edit?: EditSpec } | 'conflict';

function isNameDeclaredElsewhere(sf: ts.SourceFile, name: string, moduleName: string): boolean {
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      if (isImportFrom(st, moduleName)) continue;
      const clause = st.importClause;
      if (clause?.name?.text === name) return true;
      const nb = clause?.namedBindings;
      if (nb && ts.isNamespaceImport(nb) && nb.name.text === name) return true;
      if (nb && ts.isNamedImports(nb) && nb.elements.some((e) => e.name.text === name)) return true;
    } else if (ts.isVariableStatement(st)) {
      if (st.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name)) return true;
    } else if (
      (ts.isFunctionDeclaration(st) ||
        ts.isClassDeclaration(st) ||
        ts.isInterfaceDeclaration(st) ||
        ts.isTypeAliasDeclaration(st) ||
        ts.isEnumDeclaration(st)) &&
      st.name?.text === name
    ) {
      return true;
    }
  }
  return false;
}

/** Makes `name` from `moduleName` usable as a type (`type`) or a value (`value`). */
export function ensureImport(
  sf: ts.SourceFile,
  style: CodeStyle,
  moduleName: string,
  name: string,
  mode: 'type' | 'value',
): ImportEdit {
  if (isNameDeclaredElsewhere(sf, name, moduleName)) return 'conflict';
  let lastImport: ts.ImportDeclaration | undefined;
  let valueClause: ts.NamedImports | undefined;
  let typeClause: ts.NamedImports | undefined;
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st)) continue;
    lastImport = st;
    if (!isImportFrom(st, moduleName)) continue;
    const clause = st.importClause;
    const named = clause?.namedBindings;
    if (!clause || !named || !ts.isNamedImports(named)) continue;
    const existing = named.elements.find((e) => e.name.text === name);
    if (existing) {
      if (existing.propertyName && existing.propertyName.text !== name) return 'conflict';
      const typeOnly = clause.isTypeOnly || existing.isTypeOnly;
      if (mode === 'type' || !typeOnly) return {};
      if (existing.isTypeOnly && !clause.isTypeOnly) {
        // `import { type NextResponse }` → `import { NextResponse }`
        return { edit: { start: existing.getStart(sf), end: existing.end, text: name } };
      }
      return 'conflict'; // `import type { NextResponse, … }` used as a value: leave it to the author
    }
    if (clause.isTypeOnly) typeClause ??= named;
    else valueClause ??= named;
  }
  const append = (named: ts.NamedImports, spec: string): EditSpec => {
    const last = named.elements[named.elements.length - 1];
    if (!last) return { start: named.getStart(sf) + 1, end: named.end - 1, text: ` ${spec} ` };
    return { start: last.end, end: last.end, text: `, ${spec}` };
  };
  if (mode === 'type' && typeClause) return { edit: append(typeClause, name) };
  if (valueClause) return { edit: append(valueClause, mode === 'type' ? `type ${name}` : name) };
  const q = style.quote;
  const line = `import ${mode === 'type' ? 'type ' : ''}{ ${name} } from ${q}${moduleName}${q}${style.semicolons ? ';' : ''}`;
  if (lastImport) return { edit: { start: lastImport.end, end: lastImport.end, text: `\n${line}` } };
  return { edit: { start: 0, end: 0, text: `${line}\n${sf.statements.length ? '\n' : ''}` } };
}
