import * as ts from 'typescript';
import { findDeclaration, isFunctionNode, unwrap } from '../ast/query';
import { addNamedImport } from '../lint/fixes';
import { importedNameFrom } from '../lint/helpers';
import { defineRule, type EditSpec, type FixSpec } from '../lint/rule';

const NAVIGATION = new Set(['redirect', 'permanentRedirect', 'notFound', 'forbidden', 'unauthorized']);
const RETHROW_HELPERS = /^(unstable_rethrow|isRedirectError|isNotFoundError|isNextRouterError|isHTTPAccessFallbackError|isDynamicServerError)$/;

/** The navigation function called by `call`, directly or through a local function (one level). */
function navigationCall(call: ts.CallExpression, depth = 0): string | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isIdentifier(callee)) return undefined;
  const imported = importedNameFrom(callee, 'next/navigation');
  if (imported && NAVIGATION.has(imported)) return imported;
  if (depth > 0) return undefined;
  const decl = findDeclaration(callee.text, callee);
  const body = decl && ts.isFunctionDeclaration(decl) ? decl.body : decl && ts.isVariableDeclaration(decl) && decl.initializer && isFunctionNode(unwrap(decl.initializer)) ? (unwrap(decl.initializer) as ts.ArrowFunction).body : undefined;
  if (!body) return undefined;
  let found: string | undefined;
  const walk = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n)) found = navigationCall(n, depth + 1);
    if (!found && !isFunctionNode(n)) ts.forEachChild(n, walk);
  };
  walk(body);
  return found;
}

function rethrows(block: ts.Block): boolean {
  let found = false;
  const walk = (n: ts.Node): void => {
    if (found || isFunctionNode(n)) return;
    if (ts.isThrowStatement(n)) found = true;
    else if (ts.isCallExpression(n) && ts.isIdentifier(unwrap(n.expression)) && RETHROW_HELPERS.test((unwrap(n.expression) as ts.Identifier).text)) found = true;
    else ts.forEachChild(n, walk);
  };
  walk(block);
  return found;
}

/**
 * `redirect()` and `notFound()` work by throwing a special error that Next.js catches. A
 * try/catch around them that does not rethrow turns the redirect into your catch's response
 * (often a 500).
 */
export default defineRule({
  id: 'no-swallowed-navigation',
  meta: {
    description: 'A catch that swallows `redirect()` / `notFound()` (and friends) thrown in its try block.',
    defaultSeverity: 'warning',
    fixable: 'safe',
  },
  messages: {
    swallowed:
      '`{{fn}}()` works by throwing, and this catch swallows it: the client gets the catch\'s response instead of the {{what}}. Call `unstable_rethrow(error)` first in the catch, or move `{{fn}}()` out of the try.',
  },
  create(ctx) {
    const modern = ctx.project.nextMajor === undefined || ctx.project.nextMajor >= 15;
    const fixFor = (clause: ts.CatchClause): FixSpec | undefined => {
      const sf = ctx.sourceFile;
      const semi = ctx.style.semicolons ? ';' : '';
      const edits: EditSpec[] = [];
      let name: string;
      const v = clause.variableDeclaration;
      if (v && ts.isIdentifier(v.name)) name = v.name.text;
      else if (!v) {
        name = 'error';
        const brace = clause.block.getStart(sf);
        edits.push({ start: clause.getStart(sf) + 'catch'.length, end: brace, text: ' (error) ' });
      } else return undefined;
      const first = clause.block.statements[0];
      const indentOf = (pos: number): string => ctx.text.slice(ctx.text.lastIndexOf('\n', pos - 1) + 1, pos).match(/^[ \t]*/)![0];
      if (first) {
        const at = first.getStart(sf);
        edits.push({ start: at, end: at, text: `unstable_rethrow(${name})${semi}\n${indentOf(at)}` });
      } else {
        const at = clause.block.getStart(sf) + 1;
        edits.push({ start: at, end: at, text: `\n${indentOf(clause.getStart(sf))}${ctx.style.indentUnit}unstable_rethrow(${name})${semi}\n${indentOf(clause.getStart(sf))}` });
      }
      const imp = addNamedImport(sf, ctx.style, 'next/navigation', 'unstable_rethrow');
      if (imp) edits.unshift(imp);
      return { title: 'Rethrow Next.js navigation errors with `unstable_rethrow(error)`', edits };
    };
    return {
      nodes: {
        [ts.SyntaxKind.TryStatement]: (n) => {
          const t = n as ts.TryStatement;
          if (!t.catchClause || rethrows(t.catchClause.block)) return;
          let fn: string | undefined;
          let at: ts.Node | undefined;
          const walk = (c: ts.Node): void => {
            if (fn || isFunctionNode(c)) return;
            if (ts.isCallExpression(c)) {
              const nav = navigationCall(c);
              if (nav) {
                fn = nav;
                at = c;
                return;
              }
            }
            ts.forEachChild(c, walk);
          };
          walk(t.tryBlock);
          if (!fn || !at) return;
          const clause = t.catchClause;
          ctx.report({
            node: at,
            messageId: 'swallowed',
            data: { fn, what: fn === 'notFound' ? '404' : fn === 'forbidden' ? '403' : fn === 'unauthorized' ? '401' : 'redirect' },
            ...(modern ? { fix: () => fixFor(clause) } : {}),
          });
        },
      },
    };
  },
});
