/** Small, allocation-light helpers over the TypeScript AST shared by the route model and the rules. */
import * as ts from 'typescript';

/** Strips parentheses, `as`, `satisfies`, `!` and `<T>x` wrappers. */
export function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    if (
      ts.isParenthesizedExpression(current) ||
      ts.isAsExpression(current) ||
      ts.isSatisfiesExpression(current) ||
      ts.isNonNullExpression(current) ||
      ts.isTypeAssertionExpression(current)
    ) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

export type FunctionNode = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

export function isFunctionNode(node: ts.Node): node is FunctionNode {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node)
  );
}

/** The text of an identifier, string literal, no-substitution template or numeric literal name. */
export function nameText(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return node.text;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isNumericLiteral(node))
    return node.text;
  if (ts.isComputedPropertyName(node)) {
    const inner = unwrap(node.expression);
    if (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner)) return inner.text;
  }
  return undefined;
}

export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  const mods = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  return !!mods?.some((m) => m.kind === kind);
}

/** Whether `fn` is declared `async`. */
export function isAsync(fn: ts.Node): boolean {
  return hasModifier(fn, ts.SyntaxKind.AsyncKeyword);
}

/**
 * Whether an identifier is a property name or key, not a reference to a variable of that name:
 * `x` in `a.x`, `{ x: 1 }`, `const { x: y } = …`, `{ x: string }` and `<C x={…} />`.
 * (The shorthand `{ x }` does refer to `x`.)
 */
export function isPropertyName(id: ts.Identifier): boolean {
  const p = id.parent;
  return (
    ((ts.isPropertyAccessExpression(p) ||
      ts.isPropertyAssignment(p) ||
      ts.isPropertySignature(p) ||
      ts.isJsxAttribute(p)) &&
      p.name === id) ||
    (ts.isBindingElement(p) && p.propertyName === id)
  );
}

/** The called name: `f` in `f(…)`, `m` in `a.b.m(…)` (through parentheses and casts). */
export function calleeName(call: ts.CallExpression): string | undefined {
  const callee = unwrap(call.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

export function isConstDeclaration(decl: ts.VariableDeclaration): boolean {
  const list = decl.parent;
  return ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
}

/** Names bound by a binding name (identifier or destructuring pattern). */
export function boundNames(name: ts.BindingName, out: ts.Identifier[] = []): ts.Identifier[] {
  if (ts.isIdentifier(name)) {
    out.push(name);
  } else {
    for (const element of name.elements) {
      if (ts.isBindingElement(element)) boundNames(element.name, out);
    }
  }
  return out;
}

export type LocalDeclaration =
  | ts.VariableDeclaration
  | ts.FunctionDeclaration
  | ts.ClassDeclaration
  | ts.ParameterDeclaration
  | ts.BindingElement
  | ts.ImportSpecifier
  | ts.ImportClause
  | ts.NamespaceImport
  | ts.ImportEqualsDeclaration
  | ts.EnumDeclaration;

function declarationInStatements(statements: ts.NodeArray<ts.Statement>, name: string): LocalDeclaration | undefined {
  for (const statement of statements) {
    if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        const found = declarationInBinding(decl, decl.name, name);
        if (found) return found;
      }
    } else if (
      ts.isFunctionDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isEnumDeclaration(statement)
    ) {
      if (statement.name?.text === name) return statement;
    } else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name?.text === name) return clause;
      const bindings = clause.namedBindings;
      if (bindings) {
        if (ts.isNamespaceImport(bindings)) {
          if (bindings.name.text === name) return bindings;
        } else {
          for (const spec of bindings.elements) if (spec.name.text === name) return spec;
        }
      }
    } else if (ts.isImportEqualsDeclaration(statement) && statement.name.text === name) {
      return statement;
    }
  }
  return undefined;
}

function declarationInBinding(
  decl: ts.VariableDeclaration | ts.ParameterDeclaration,
  binding: ts.BindingName,
  name: string,
): LocalDeclaration | undefined {
  if (ts.isIdentifier(binding)) return binding.text === name ? decl : undefined;
  for (const element of binding.elements) {
    if (!ts.isBindingElement(element)) continue;
    if (ts.isIdentifier(element.name)) {
      if (element.name.text === name) return element;
    } else {
      const inner = declarationInBinding(decl, element.name, name);
      if (inner) return inner;
    }
  }
  return undefined;
}

/**
 * Finds the declaration an identifier refers to by walking lexical scopes outward.
 * No type checker: this is a syntactic lookup (good for `const`s, functions, parameters,
 * imports in the same file), which is what the rules' "simple, local resolution" needs.
 */
export function findDeclaration(name: string, from: ts.Node): LocalDeclaration | undefined {
  let node: ts.Node | undefined = from;
  while (node) {
    if (ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node)) {
      const found = declarationInStatements(node.statements, name);
      if (found) return found;
    } else if (ts.isCaseBlock(node)) {
      for (const clause of node.clauses) {
        const found = declarationInStatements(clause.statements, name);
        if (found) return found;
      }
    } else if (isFunctionNode(node) || ts.isConstructorDeclaration(node) || ts.isAccessor(node)) {
      for (const param of node.parameters) {
        const found = declarationInBinding(param, param.name, name);
        if (found) return found;
      }
      if ((ts.isFunctionExpression(node) || ts.isFunctionDeclaration(node)) && node.name?.text === name)
        return node as ts.FunctionDeclaration;
    } else if (
      (ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node)) &&
      node.initializer &&
      ts.isVariableDeclarationList(node.initializer)
    ) {
      for (const decl of node.initializer.declarations) {
        const found = declarationInBinding(decl, decl.name, name);
        if (found) return found;
      }
    } else if (ts.isCatchClause(node) && node.variableDeclaration) {
      const found = declarationInBinding(node.variableDeclaration, node.variableDeclaration.name, name);
      if (found) return found;
    }
    node = node.parent;
  }
  return undefined;
}

/**
 * Follows an identifier to the initializer of the `const` it names (a few hops at most),
 * e.g. `status` in `const status = 201` → `201`. Other expressions are returned unwrapped.
 */
export function resolveValue(expr: ts.Expression, depth = 4): ts.Expression {
  let current = unwrap(expr);
  for (let i = 0; i < depth && ts.isIdentifier(current); i++) {
    const decl = findDeclaration(current.text, current);
    if (!decl || !ts.isVariableDeclaration(decl) || !isConstDeclaration(decl) || !decl.initializer) break;
    if (!ts.isIdentifier(decl.name)) break;
    current = unwrap(decl.initializer);
  }
  return current;
}

/** If `expr` resolves to a function expression, arrow function or function declaration, returns it. */
export function resolveFunction(expr: ts.Expression, depth = 4): FunctionNode | undefined {
  const value = resolveValue(expr, depth);
  if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return value;
  if (ts.isIdentifier(value)) {
    const decl = findDeclaration(value.text, value);
    if (decl && ts.isFunctionDeclaration(decl) && decl.body) return decl;
  }
  return undefined;
}

/** A string or number a literal expression (or a `const` holding one) evaluates to. */
export function literalValue(expr: ts.Expression | undefined): string | number | boolean | null | undefined {
  if (!expr) return undefined;
  const value = resolveValue(expr);
  if (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) return value.text;
  if (ts.isNumericLiteral(value)) return Number(value.text);
  if (
    ts.isPrefixUnaryExpression(value) &&
    value.operator === ts.SyntaxKind.MinusToken &&
    ts.isNumericLiteral(value.operand)
  ) {
    return -Number(value.operand.text);
  }
  if (value.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (value.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (value.kind === ts.SyntaxKind.NullKeyword) return null;
  return undefined;
}

/** Finds a property assignment (or shorthand) by name in an object literal. */
export function getProperty(obj: ts.ObjectLiteralExpression, name: string): ts.ObjectLiteralElementLike | undefined {
  for (const prop of obj.properties) {
    if (
      (ts.isPropertyAssignment(prop) || ts.isShorthandPropertyAssignment(prop) || ts.isMethodDeclaration(prop)) &&
      nameText(prop.name) === name
    ) {
      return prop;
    }
  }
  return undefined;
}

/** The value expression of a property in an object literal, following shorthand to its const. */
export function getPropertyValue(obj: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  const prop = getProperty(obj, name);
  if (!prop) return undefined;
  if (ts.isPropertyAssignment(prop)) return prop.initializer;
  if (ts.isShorthandPropertyAssignment(prop)) return prop.name;
  return undefined;
}

/** `a.b.c` as the string "a.b.c" for identifier/this chains; undefined otherwise. */
export function accessChain(expr: ts.Expression): string | undefined {
  const e = unwrap(expr);
  if (ts.isIdentifier(e)) return e.text;
  if (e.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isPropertyAccessExpression(e)) {
    const left = accessChain(e.expression);
    return left === undefined ? undefined : `${left}.${e.name.text}`;
  }
  return undefined;
}

/** The nearest enclosing function-like node (the function a `return` belongs to). */
export function enclosingFunction(node: ts.Node): FunctionNode | undefined {
  let current = node.parent;
  while (current) {
    if (isFunctionNode(current)) return current;
    current = current.parent;
  }
  return undefined;
}

/** Where a declaration's name is visible for our analyses: its enclosing function, else the file. */
export function scopeOf(node: ts.Node): FunctionNode | ts.SourceFile {
  return enclosingFunction(node) ?? node.getSourceFile();
}

/** Indentation (spaces/tabs) at the start of the line containing `pos`. */
export function indentationAt(text: string, pos: number): string {
  const lineStart = text.lastIndexOf('\n', pos - 1) + 1;
  const match = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200));
  return match ? match[0] : '';
}

/** The file's indentation unit, guessed from its first indented line (default two spaces). */
export function indentUnit(text: string): string {
  const match = /\n(\t+|[ ]{2,8})\S/.exec(text);
  if (!match) return '  ';
  return match[1]!.startsWith('\t') ? '\t' : match[1]!.length >= 4 && match[1]!.length % 4 === 0 ? '    ' : '  ';
}

/** The quote character the file mostly uses for strings. */
export function quoteStyle(sourceFile: ts.SourceFile): "'" | '"' {
  let single = 0;
  let double = 0;
  const statements = sourceFile.statements;
  for (let i = 0; i < statements.length && i < 30; i++) {
    const st = statements[i]!;
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const raw = sourceFile.text[st.moduleSpecifier.getStart(sourceFile)];
      if (raw === "'") single++;
      else if (raw === '"') double++;
    }
  }
  if (single === 0 && double === 0) {
    const text = sourceFile.text;
    single = (text.match(/'/g) ?? []).length;
    double = (text.match(/"/g) ?? []).length;
  }
  return double > single ? '"' : "'";
}

/** Whether the file uses semicolons at statement ends (ASI style otherwise). */
export function usesSemicolons(sourceFile: ts.SourceFile): boolean {
  let withSemi = 0;
  let without = 0;
  const text = sourceFile.text;
  const count = (statements: ts.NodeArray<ts.Statement>, depth: number): void => {
    for (const st of statements) {
      if (
        ts.isImportDeclaration(st) ||
        ts.isVariableStatement(st) ||
        ts.isExpressionStatement(st) ||
        ts.isReturnStatement(st)
      ) {
        if (text[st.end - 1] === ';') withSemi++;
        else without++;
      }
      if (depth > 0 && ts.isFunctionDeclaration(st) && st.body) count(st.body.statements, depth - 1);
    }
  };
  count(sourceFile.statements, 1);
  return withSemi >= without;
}

/** Identifiers referring to `name` inside `scope` (excluding its declaration). */
export function usesOf(scope: ts.Node, decl: ts.VariableDeclaration): ts.Identifier[] {
  const name = (decl.name as ts.Identifier).text;
  const out: ts.Identifier[] = [];
  const walk = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n.text === name && n !== decl.name) {
      if (!isPropertyName(n) && findDeclaration(name, n) === decl) out.push(n);
    }
    ts.forEachChild(n, walk);
  };
  walk(scope);
  return out;
}

/** The outermost expression around `node` that is the same value: through `( )`, `as`, `!` and `satisfies`. */
export function outermostExpression(node: ts.Node): ts.Node {
  let n = node;
  while (
    ts.isParenthesizedExpression(n.parent) ||
    ts.isAsExpression(n.parent) ||
    ts.isNonNullExpression(n.parent) ||
    ts.isSatisfiesExpression(n.parent)
  )
    n = n.parent;
  return n;
}
