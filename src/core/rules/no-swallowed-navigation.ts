import * as ts from 'typescript';
import { importedNameFrom } from '../ast/imports';
import { findDeclaration, indentationAt, isFunctionNode, isPropertyName, unwrap } from '../ast/query';
import { ensureImport } from '../lint/analysis/nextImports';
import { defineRule, type EditSpec, type FixSpec, type RuleContext } from '../lint/rule';

const NAVIGATION = new Set(['redirect', 'permanentRedirect', 'notFound', 'forbidden', 'unauthorized']);
const RETHROW_HELPERS =
  /^(unstable_rethrow|isRedirectError|isNotFoundError|isNextRouterError|isHTTPAccessFallbackError|isDynamicServerError)$/;

/** Whether the file imports one of the throwing navigation functions from `next/navigation`. */
function importsNavigation(sf: ts.SourceFile): boolean {
  for (const st of sf.statements) {
    if (
      !ts.isImportDeclaration(st) ||
      !ts.isStringLiteral(st.moduleSpecifier) ||
      st.moduleSpecifier.text !== 'next/navigation'
    )
      continue;
    const named = st.importClause?.namedBindings;
    if (
      named &&
      ts.isNamedImports(named) &&
      named.elements.some((el) => NAVIGATION.has((el.propertyName ?? el.name).text))
    )
      return true;
  }
  return false;
}

/** The navigation function called by `call`, directly or through a local function (one level). */
function navigationCall(call: ts.CallExpression, depth = 0): string | undefined {
  const callee = unwrap(call.expression);
  if (!ts.isIdentifier(callee)) return undefined;
  const imported = importedNameFrom(callee, 'next/navigation');
  if (imported && NAVIGATION.has(imported)) return imported;
  if (depth > 0) return undefined;
  const decl = findDeclaration(callee.text, callee);
  const body =
    decl && ts.isFunctionDeclaration(decl)
      ? decl.body
      : decl && ts.isVariableDeclaration(decl) && decl.initializer && isFunctionNode(unwrap(decl.initializer))
        ? (unwrap(decl.initializer) as ts.ArrowFunction).body
        : undefined;
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

/**
 * Whether a catch block lets navigation errors through: it throws (rethrows), calls
 * `unstable_rethrow` (also under an alias) or an `is…Error` check, or looks at `.digest`
 * (the hand-written form of those checks).
 */
function rethrows(block: ts.Block): boolean {
  let found = false;
  const walk = (n: ts.Node): void => {
    if (found || isFunctionNode(n)) return;
    if (ts.isThrowStatement(n)) found = true;
    else if (ts.isCallExpression(n) && ts.isIdentifier(unwrap(n.expression))) {
      const callee = unwrap(n.expression) as ts.Identifier;
      found = RETHROW_HELPERS.test(callee.text) || importedNameFrom(callee, 'next/navigation') === 'unstable_rethrow';
    } else if (ts.isPropertyAccessExpression(n) && n.name.text === 'digest') found = true;
    else if (ts.isStringLiteral(n) && n.text === 'digest') found = true;
    if (!found) ts.forEachChild(n, walk);
  };
  walk(block);
  return found;
}

/** A name for a bare `catch {}`'s error that nothing in the block already uses. */
function freshErrorName(block: ts.Block): string {
  const used = new Set<string>();
  const walk = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && !isPropertyName(n)) used.add(n.text);
    ts.forEachChild(n, walk);
  };
  walk(block);
  return ['error', 'err', 'navigationError', 'caughtError'].find((c) => !used.has(c)) ?? 'caughtError';
}

interface EscapingNavigation {
  /** `redirect`, `notFound`, … */
  readonly fn: string;
  readonly at: ts.CallExpression;
}

/** The first navigation call the try block lets escape to its catch (nested functions and inner swallowing catches excluded). */
function escapingNavigation(block: ts.Block): EscapingNavigation | undefined {
  let found: EscapingNavigation | undefined;
  const walk = (c: ts.Node): void => {
    if (found || isFunctionNode(c)) return;
    if (ts.isTryStatement(c) && c.catchClause && !rethrows(c.catchClause.block)) {
      // Its own catch swallows what the inner try throws (and is reported for it).
      walk(c.catchClause.block);
      if (c.finallyBlock) walk(c.finallyBlock);
      return;
    }
    const nav = ts.isCallExpression(c) ? navigationCall(c) : undefined;
    if (nav) found = { fn: nav, at: c as ts.CallExpression };
    else ts.forEachChild(c, walk);
  };
  walk(block);
  return found;
}

const ANSWER: Readonly<Record<string, string>> = { notFound: '404', forbidden: '403', unauthorized: '401' };

/** What the client should have got: the 404 / 403 / 401, or the redirect. */
function answerOf(fn: string): string {
  return ANSWER[fn] ?? 'redirect';
}

/** What the fix writes with: the file and its code style. */
type Writer = Pick<RuleContext<string>, 'sourceFile' | 'style'>;

/** The catch's error name, and the edit that names a bare `catch {}`'s error; undefined for a destructured binding. */
function catchErrorName(w: Writer, clause: ts.CatchClause): { name: string; edits: EditSpec[] } | undefined {
  const v = clause.variableDeclaration;
  if (v && ts.isIdentifier(v.name)) return { name: v.name.text, edits: [] };
  if (v) return undefined; // a destructured catch binding: no error object to rethrow
  const name = freshErrorName(clause.block);
  const brace = clause.block.getStart(w.sourceFile);
  return { name, edits: [{ start: clause.getStart(w.sourceFile) + 'catch'.length, end: brace, text: ` (${name}) ` }] };
}

/** Edits that name the catch's error if needed and put `statement(name)` first in its block. */
function insertFirst(w: Writer, clause: ts.CatchClause, statement: (name: string) => string): EditSpec[] | undefined {
  const sf = w.sourceFile;
  const named = catchErrorName(w, clause);
  if (!named) return undefined;
  const text = statement(named.name);
  const first = clause.block.statements[0];
  if (first) {
    const at = first.getStart(sf);
    // A one-line block (`catch (e) { log(e) }`) stays on one line.
    const oneLine = !sf.text.slice(clause.block.getStart(sf), at).includes('\n');
    const after = oneLine ? ' ' : `\n${indentationAt(sf.text, at)}`;
    return [...named.edits, { start: at, end: at, text: `${text}${after}` }];
  }
  const at = clause.block.getStart(sf) + 1;
  const clauseIndent = indentationAt(sf.text, clause.getStart(sf));
  return [
    ...named.edits,
    { start: at, end: at, text: `\n${clauseIndent}${w.style.indentUnit}${text}\n${clauseIndent}` },
  ];
}

/** `unstable_rethrow(error)` first in the catch, imported from `next/navigation`. */
function rethrowFix(w: Writer, clause: ts.CatchClause): FixSpec | undefined {
  const semi = w.style.semicolons ? ';' : '';
  const edits = insertFirst(w, clause, (name) => `unstable_rethrow(${name})${semi}`);
  if (!edits) return undefined;
  const imp = ensureImport(w.sourceFile, w.style, 'next/navigation', 'unstable_rethrow', 'value');
  if (imp === 'conflict') return undefined;
  if (imp.edit) edits.unshift(imp.edit);
  return { title: 'Rethrow Next.js navigation errors with unstable_rethrow(error)', edits };
}

/**
 * Before Next.js 15 there is no `unstable_rethrow`: rethrow errors carrying Next's `digest`
 * marker (NEXT_REDIRECT…, NEXT_NOT_FOUND), written to compile in TS and JS.
 */
function legacyRethrowSuggestions(w: Writer, clause: ts.CatchClause): FixSpec[] {
  const q = w.style.quote;
  const semi = w.style.semicolons ? ';' : '';
  const edits = insertFirst(
    w,
    clause,
    (name) =>
      `if (${name} instanceof Error && ${q}digest${q} in ${name} && String(${name}.digest).startsWith(${q}NEXT_${q})) throw ${name}${semi}`,
  );
  const title = 'Rethrow Next.js navigation errors (checks error.digest; unstable_rethrow needs Next.js 15)';
  return edits ? [{ title, edits }] : [];
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
      "`{{fn}}()` works by throwing, and this catch swallows it: the client gets the catch's response instead of the {{what}}. Call `unstable_rethrow(error)` first in the catch, or move `{{fn}}()` out of the try.",
    swallowedBefore15:
      '`{{fn}}()` works by throwing, and this catch swallows it: the client gets the catch\'s response instead of the {{what}}. Rethrow Next.js\'s navigation errors first in the catch (their `digest` starts with "NEXT_"), or move `{{fn}}()` out of the try.',
  },
  create(ctx) {
    // Nothing to swallow in a file that imports no navigation function (the common case): no subscriptions.
    if (!importsNavigation(ctx.sourceFile)) return {};
    const modern = ctx.project.nextMajor === undefined || ctx.project.nextMajor >= 15;
    return {
      nodes: {
        [ts.SyntaxKind.TryStatement]: (n) => {
          const clause = (n as ts.TryStatement).catchClause;
          const nav =
            clause && !rethrows(clause.block) ? escapingNavigation((n as ts.TryStatement).tryBlock) : undefined;
          if (!clause || !nav) return;
          ctx.report({
            node: nav.at,
            messageId: modern ? 'swallowed' : 'swallowedBefore15',
            data: { fn: nav.fn, what: answerOf(nav.fn) },
            ...(modern
              ? { fix: () => rethrowFix(ctx, clause) }
              : { suggestions: () => legacyRethrowSuggestions(ctx, clause) }),
          });
        },
      },
    };
  },
});
