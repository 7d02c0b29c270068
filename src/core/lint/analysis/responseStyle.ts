/**
 * How the file writes its responses, so fixes that add one match it: `NextResponse.json(…)`
 * when the file imports `NextResponse` (as a value, under whatever local name), otherwise the
 * web-standard `Response.json(…)`, which needs no import.
 */
import * as ts from 'typescript';

export function jsonResponseObject(sf: ts.SourceFile): string {
  for (const st of sf.statements) {
    if (
      !ts.isImportDeclaration(st) ||
      !ts.isStringLiteral(st.moduleSpecifier) ||
      st.moduleSpecifier.text !== 'next/server'
    )
      continue;
    const clause = st.importClause;
    if (!clause || clause.isTypeOnly) continue;
    const named = clause.namedBindings;
    if (!named || !ts.isNamedImports(named)) continue;
    for (const el of named.elements) {
      if (!el.isTypeOnly && (el.propertyName ?? el.name).text === 'NextResponse') return el.name.text;
    }
  }
  return 'Response';
}
