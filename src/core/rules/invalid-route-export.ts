import * as ts from 'typescript';
import { defineRule, type FixSpec } from '../lint/rule';
import { HTTP_METHODS, isHttpMethod } from '../nextjs/httpMethods';
import type { RouteExport } from '../nextjs/exports';

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
    const countIdentifier = (name: string): number => {
      let count = 0;
      const walk = (n: ts.Node): void => {
        if (ts.isIdentifier(n) && n.text === name) count++;
        ts.forEachChild(n, walk);
      };
      walk(ctx.sourceFile);
      return count;
    };
    const removeExportFix = (e: RouteExport): FixSpec | undefined => {
      if (e.form !== 'function' && e.form !== 'variable' && e.form !== 'declaration') return undefined;
      if (
        e.form === 'variable' &&
        ts.isVariableStatement(e.statement) &&
        e.statement.declarationList.declarations.length > 1
      ) {
        return undefined;
      }
      const mod = ts.getModifiers(e.statement as ts.HasModifiers)?.find((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (!mod) return undefined;
      const start = mod.getStart(ctx.sourceFile);
      let end = mod.end;
      while (ctx.text[end] === ' ' || ctx.text[end] === '\t') end++;
      return {
        title: `Make ${e.name} private to this file (remove export)`,
        edits: [{ start, end, text: '' }],
      };
    };
    return {
      onEnd() {
        for (const e of ctx.exports) {
          if (e.isValidName || e.form === 'star') continue;
          if (e.form === 'default' || e.name === 'default') {
            ctx.report({ span: e.nameSpan, messageId: 'defaultExport' });
            continue;
          }
          const upper = e.name.toUpperCase();
          if (isHttpMethod(upper)) {
            // Rename the exported name. Safe when nothing else in the file uses that identifier.
            const renamed: FixSpec = {
              title: `Rename ${e.name} to ${upper}`,
              edits: [{ ...e.nameSpan, text: upper }],
            };
            const alreadyExported = ctx.exports.some((other) => other.name === upper);
            const local = e.form === 'specifier' || e.form === 're-export' || countIdentifier(e.name) === 1;
            ctx.report({
              span: e.nameSpan,
              messageId: 'lowercaseMethod',
              data: { name: e.name, upper },
              ...(local && !alreadyExported ? { fix: renamed } : alreadyExported ? {} : { suggestions: [renamed] }),
            });
            continue;
          }
          const suggestion = removeExportFix(e);
          ctx.report({
            span: e.nameSpan,
            messageId: 'invalidExport',
            data: { name: e.name },
            ...(suggestion ? { suggestions: [suggestion] } : {}),
          });
        }
      },
    };
  },
});

export const VALID_METHODS_TEXT = HTTP_METHODS.join(', ');
