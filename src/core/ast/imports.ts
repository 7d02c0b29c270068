/** Import lookups: what a file imports from a module, and which imported name a local name is. */
import * as ts from 'typescript';

/** Whether `statement` is an `import … from 'moduleName'`. */
export function isImportFrom(statement: ts.Statement, moduleName: string): boolean {
  return (
    ts.isImportDeclaration(statement) &&
    ts.isStringLiteral(statement.moduleSpecifier) &&
    statement.moduleSpecifier.text === moduleName
  );
}

/** The name a specifier imports: `a` in `import { a as b }` (and in `import { a }`). */
export function importedName(specifier: ts.ImportSpecifier): string {
  return (specifier.propertyName ?? specifier.name).text;
}

/** The first `{ … }` specifier imported from `moduleName` that passes `test`. */
export function findNamedImport(
  sf: ts.SourceFile,
  moduleName: string,
  test: (specifier: ts.ImportSpecifier) => boolean,
): ts.ImportSpecifier | undefined {
  for (const statement of sf.statements) {
    if (!ts.isImportDeclaration(statement) || !isImportFrom(statement, moduleName)) continue;
    const named = statement.importClause?.namedBindings;
    if (named && ts.isNamedImports(named)) {
      for (const specifier of named.elements) if (test(specifier)) return specifier;
    }
  }
  return undefined;
}

/** The imported name an identifier refers to when it is imported from `moduleName` (handles aliases). */
export function importedNameFrom(id: ts.Identifier, moduleName: string): string | undefined {
  const specifier = findNamedImport(id.getSourceFile(), moduleName, (s) => s.name.text === id.text);
  return specifier && importedName(specifier);
}
