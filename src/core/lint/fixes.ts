/** Edit builders shared by fixes: imports, statement insertion, re-indentation. */
import * as ts from 'typescript';
import { indentationAt } from '../ast/query';
import type { CodeStyle, EditSpec } from './rule';

/**
 * An edit that makes `name` importable from `moduleName`: nothing when it already is, a new
 * specifier in an existing `import { … } from 'moduleName'`, or a new import line after the
 * last import (or at the top). `typeOnly` adds `type` to a new specifier.
 */
export function addNamedImport(sf: ts.SourceFile, style: CodeStyle, moduleName: string, name: string, typeOnly = false): EditSpec | undefined {
  let lastImport: ts.ImportDeclaration | undefined;
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st)) continue;
    lastImport = st;
    if (!ts.isStringLiteral(st.moduleSpecifier) || st.moduleSpecifier.text !== moduleName) continue;
    const clause = st.importClause;
    const named = clause?.namedBindings;
    if (named && ts.isNamedImports(named)) {
      if (named.elements.some((e) => e.name.text === name && (!e.isTypeOnly || typeOnly) && (!clause.isTypeOnly || typeOnly))) return undefined;
      if (clause.isTypeOnly && !typeOnly) continue;
      const last = named.elements[named.elements.length - 1];
      const spec = `${typeOnly && !clause.isTypeOnly ? 'type ' : ''}${name}`;
      if (!last) return { start: named.getStart(sf) + 1, end: named.getStart(sf) + 1, text: ` ${spec} ` };
      return { start: last.end, end: last.end, text: `, ${spec}` };
    }
  }
  const q = style.quote;
  const line = `import { ${typeOnly ? 'type ' : ''}${name} } from ${q}${moduleName}${q}${style.semicolons ? ';' : ''}\n`;
  if (lastImport) {
    const end = lastImport.end;
    return { start: end, end, text: '\n' + line.slice(0, -1) };
  }
  // After a leading 'use server' / comment banner? Keep it simple: the very top.
  return { start: 0, end: 0, text: line + (sf.statements.length ? '\n' : '') };
}

/** Text of a statement to insert after `node`'s line, indented like it. */
export function insertStatementAfter(sf: ts.SourceFile, node: ts.Node, statement: string): EditSpec {
  const indent = indentationAt(sf.text, node.getStart(sf));
  return { start: node.end, end: node.end, text: `\n${indent}${statement}` };
}

/** Whether any string or template literal inside `node` spans lines (re-indenting would change it). */
export function hasMultilineLiteral(sf: ts.SourceFile, node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if ((ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n) || ts.isStringLiteral(n)) && n.getText(sf).includes('\n')) {
      found = true;
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** Adds one indentation unit to every non-empty line after the first. */
export function indentLines(text: string, unit: string): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line.trim() === '' ? line : unit + line))
    .join('\n');
}

/** A string literal in the file's quote style. */
export function quote(style: CodeStyle, text: string): string {
  const q = style.quote;
  return q + text.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`) + q;
}
