/**
 * Reads the few next.config values the route model needs — `basePath`, `trailingSlash`,
 * `pageExtensions` — when they are written as literals. The file is parsed, never run.
 */
import * as ts from 'typescript';
import { parseSource } from '../ast/parse';
import { findDeclaration, getPropertyValue, isFunctionNode, literalValue, unwrap } from '../ast/query';

export const NEXT_CONFIG_FILES = [
  'next.config.js',
  'next.config.mjs',
  'next.config.ts',
  'next.config.cjs',
  'next.config.mts',
] as const;

export interface NextConfigValues {
  basePath?: string;
  trailingSlash?: boolean;
  pageExtensions?: string[];
  /** `cacheComponents: true` (Next 16) changes which segment config exports are allowed. */
  cacheComponents?: boolean;
  /** Keys present but not statically readable, so the caller can say so. */
  unreadable: string[];
  /** Whether the exported config object itself was found (a computed config is not). */
  found?: boolean;
}

export function readNextConfig(fileName: string, text: string): NextConfigValues {
  const sf = parseSource(fileName, text);
  const obj = findConfigObject(sf);
  const result: NextConfigValues = { unreadable: [] };
  if (!obj) return result;
  result.found = true;
  const basePath = getPropertyValue(obj, 'basePath');
  if (basePath) {
    const v = literalValue(basePath);
    if (typeof v === 'string') result.basePath = v;
    else result.unreadable.push('basePath');
  }
  const trailingSlash = getPropertyValue(obj, 'trailingSlash');
  if (trailingSlash) {
    const v = literalValue(trailingSlash);
    if (typeof v === 'boolean') result.trailingSlash = v;
    else result.unreadable.push('trailingSlash');
  }
  const pageExtensions = getPropertyValue(obj, 'pageExtensions');
  if (pageExtensions) {
    const arr = unwrapToArray(pageExtensions);
    const values = arr?.elements.map((e) => literalValue(e));
    if (values && values.every((v): v is string => typeof v === 'string')) result.pageExtensions = values;
    else result.unreadable.push('pageExtensions');
  }
  const cacheComponents = getPropertyValue(obj, 'cacheComponents');
  if (cacheComponents) {
    const v = literalValue(cacheComponents);
    if (typeof v === 'boolean') result.cacheComponents = v;
  }
  return result;
}

function unwrapToArray(expr: ts.Expression): ts.ArrayLiteralExpression | undefined {
  let value = unwrap(expr);
  if (ts.isIdentifier(value)) {
    const decl = findDeclaration(value.text, value);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer) value = unwrap(decl.initializer);
  }
  return ts.isArrayLiteralExpression(value) ? value : undefined;
}

/** Finds the config object behind `export default`, `module.exports =`, wrappers and phase functions. */
function findConfigObject(sf: ts.SourceFile): ts.ObjectLiteralExpression | undefined {
  let exported: ts.Expression | undefined;
  for (const st of sf.statements) {
    if (ts.isExportAssignment(st)) exported = st.expression;
    else if (
      ts.isExpressionStatement(st) &&
      ts.isBinaryExpression(st.expression) &&
      st.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      /^module\.exports$/.test(st.expression.left.getText(sf))
    ) {
      exported = st.expression.right;
    } else if (
      ts.isFunctionDeclaration(st) &&
      st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) &&
      st.modifiers.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword)
    ) {
      return fromFunction(st, 0);
    }
  }
  return exported ? toObject(exported, 0) : undefined;
}

function toObject(expr: ts.Expression, depth: number): ts.ObjectLiteralExpression | undefined {
  if (depth > 6) return undefined;
  const value = unwrap(expr);
  if (ts.isObjectLiteralExpression(value)) return value;
  if (ts.isIdentifier(value)) {
    const decl = findDeclaration(value.text, value);
    if (decl && ts.isVariableDeclaration(decl) && decl.initializer) return toObject(decl.initializer, depth + 1);
    if (decl && ts.isFunctionDeclaration(decl)) return fromFunction(decl, depth);
    return undefined;
  }
  if (ts.isCallExpression(value)) {
    // withBundleAnalyzer({...}), withSentryConfig(nextConfig, {...}) → the first object-ish argument
    for (const arg of value.arguments) {
      const found = toObject(arg, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (isFunctionNode(value)) return fromFunction(value, depth);
  return undefined;
}

function fromFunction(
  fn: ts.SignatureDeclaration & { body?: ts.ConciseBody },
  depth: number,
): ts.ObjectLiteralExpression | undefined {
  const body = fn.body;
  if (!body) return undefined;
  if (!ts.isBlock(body)) return toObject(body, depth + 1);
  for (const st of body.statements) {
    if (ts.isReturnStatement(st) && st.expression) {
      const found = toObject(st.expression, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}
