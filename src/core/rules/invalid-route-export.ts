import * as ts from 'typescript';
import { defineRule, type FixSpec, type Report, type RuleContext } from '../lint/rule';
import { HTTP_METHODS, isHttpMethod } from '../nextjs/httpMethods';
import type { RouteExport } from '../nextjs/exports';

/** How many identifiers in the file are spelled `name`. */
function countIdentifier(sf: ts.SourceFile, name: string): number {
  let count = 0;
  const walk = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n.text === name) count++;
    ts.forEachChild(n, walk);
  };
  walk(sf);
  return count;
}

/** Removes the `export` keyword of a single declaration (not of a list, a specifier or a default). */
function removeExportFix(e: RouteExport, sf: ts.SourceFile): FixSpec | undefined {
  if (e.form !== 'function' && e.form !== 'variable' && e.form !== 'declaration') return undefined;
  if (
    e.form === 'variable' &&
    ts.isVariableStatement(e.statement) &&
    e.statement.declarationList.declarations.length > 1
  )
    return undefined;
  const mod = ts.getModifiers(e.statement as ts.HasModifiers)?.find((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  if (!mod) return undefined;
  let end = mod.end;
  while (sf.text[end] === ' ' || sf.text[end] === '\t') end++;
  return {
    title: `Make ${e.name} private to this file (remove export)`,
    edits: [{ start: mod.getStart(sf), end, text: '' }],
  };
}

/**
 * Renames `get` to `GET`: a fix when nothing else in the file uses that identifier, a suggestion
 * when something does, nothing when `GET` is exported already.
 */
function renameToMethod(
  e: RouteExport,
  upper: string,
  ctx: RuleContext<string>,
): Pick<Report<string>, 'fix' | 'suggestions'> {
  const renamed: FixSpec = { title: `Rename ${e.name} to ${upper}`, edits: [{ ...e.nameSpan, text: upper }] };
  if (ctx.exports.some((other) => other.name === upper)) return {};
  const local = e.form === 'specifier' || e.form === 're-export' || countIdentifier(ctx.sourceFile, e.name) === 1;
  return local ? { fix: renamed } : { suggestions: [renamed] };
}

/**
 * Next.js dispatches to exports named exactly GET, POST, … (case-sensitive); `next build`
 * rejects any other export that is not a segment config option (docs/nextjs-behaviour.md, "Route exports").
 */
export default defineRule({
  id: 'invalid-route-export',
  meta: {
    description:
      'Exports Next.js does not accept in a route file: lowercase methods, `export default`, helpers and constants.',
    defaultSeverity: 'error',
    fixable: 'safe',
  },
  messages: {
    lowercaseMethod:
      '`{{name}}` is not a route handler: Next.js only calls exports named exactly `{{upper}}` (case-sensitive), so this method answers 405.',
    defaultExport:
      'A route file cannot have a default export: Next.js ignores it and answers 405 to every method. Export named handlers (`export async function GET`) instead.',
    invalidExport:
      '`{{name}}` is not a valid route export: `next build` fails with `"{{name}}" is not a valid Route export field`. Move it to another module (e.g. `lib/`) and import it.',
  },
  create(ctx) {
    const check = (e: RouteExport): void => {
      if (e.isValidName || e.form === 'star') return;
      if (e.form === 'default' || e.name === 'default') {
        ctx.report({ span: e.nameSpan, messageId: 'defaultExport' });
        return;
      }
      const upper = e.name.toUpperCase();
      if (isHttpMethod(upper)) {
        const data = { name: e.name, upper };
        ctx.report({ span: e.nameSpan, messageId: 'lowercaseMethod', data, ...renameToMethod(e, upper, ctx) });
        return;
      }
      const suggestion = removeExportFix(e, ctx.sourceFile);
      ctx.report({
        span: e.nameSpan,
        messageId: 'invalidExport',
        data: { name: e.name },
        ...(suggestion ? { suggestions: [suggestion] } : {}),
      });
    };
    return { onEnd: () => ctx.exports.forEach(check) };
  },
});

export const VALID_METHODS_TEXT = HTTP_METHODS.join(', ');
