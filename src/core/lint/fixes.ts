/** Text helpers shared by fixes: multi-line literals, re-indentation, quoting. */
import * as ts from 'typescript';
import type { CodeStyle } from './rule';

/** Whether any string or template literal inside `node` spans lines (re-indenting would change it). */
export function hasMultilineLiteral(sf: ts.SourceFile, node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (
      (ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateExpression(n) || ts.isStringLiteral(n)) &&
      n.getText(sf).includes('\n')
    ) {
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
