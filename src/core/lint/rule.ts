/**
 * The rule API. A rule is data (id, meta, messages) plus `create(ctx)`, which returns a
 * visitor keyed by SyntaxKind. The engine walks each file once and dispatches nodes to
 * every rule's visitor; rules that need whole-file facts (responses, header writes, body
 * reads) read `ctx.facts` in `onEnd`. Rules report data; presentation and editor types
 * live elsewhere.
 */
import type * as ts from 'typescript';
import type { ParsedDocument } from '../ast/parse';
import type { HandlerExport, RouteExport } from '../nextjs/exports';
import type { RoutePath } from '../nextjs/routePath';
import type { Severity, Span } from '../types';
import type { FileFacts } from './facts';

export { docsUrlFor } from '../links';

export interface RuleMeta {
  /** One line: what the rule flags. */
  readonly description: string;
  readonly defaultSeverity: Severity;
  /** 'safe': has a fix applied by fix-all; 'suggestion': offers fixes the user picks; false: none. */
  readonly fixable: 'safe' | 'suggestion' | false;
  /**
   * The rule is about behaviour that starts with this Next.js major version: it runs when
   * the project's version is at least this, or unknown, and never on older projects.
   */
  readonly minNextMajor?: number;
}

/** An edit as offsets into the text being linted. */
export interface EditSpec {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface FixSpec {
  readonly title: string;
  readonly edits: readonly EditSpec[];
}

export interface Report<M extends string> {
  /** Where to point: a node (its span without leading trivia) or an explicit span. */
  readonly node?: ts.Node;
  readonly span?: Span;
  readonly messageId: M;
  /** Values for `{{placeholders}}` in the message. */
  readonly data?: Readonly<Record<string, string | number>>;
  /** The safe fix, or a function computing it when (and only if) someone asks for it. */
  readonly fix?: FixSpec | (() => FixSpec | undefined);
  readonly suggestions?: readonly FixSpec[] | (() => readonly FixSpec[]);
  /**
   * A more serious variant of the rule's finding (e.g. wildcard CORS *with* credentials).
   * Applies while the user has not set the rule's severity; a user setting always wins.
   */
  readonly severity?: Severity;
}

/** The route the file serves, as far as the route model knows (absent for unknown paths). */
export type LintRouteInfo = RoutePath;

export interface LintProjectInfo {
  /** Undefined when unknown; version-gated rules then assume the newest behaviour. */
  readonly nextMajor?: number;
  readonly cacheComponents?: boolean;
}

export interface CodeStyle {
  readonly quote: "'" | '"';
  readonly indentUnit: string;
  readonly semicolons: boolean;
  /** Whether type annotations may be written (TS/TSX files). */
  readonly typescript: boolean;
}

export interface RuleContext<M extends string> {
  readonly doc: ParsedDocument;
  readonly sourceFile: ts.SourceFile;
  readonly text: string;
  readonly route: LintRouteInfo | undefined;
  readonly project: LintProjectInfo;
  /** Every export of the file (all forms, see nextjs/exports.ts). */
  readonly exports: readonly RouteExport[];
  /** The exported HTTP method handlers. */
  readonly handlers: readonly HandlerExport[];
  /** Whole-file facts gathered during the walk; complete only in `onEnd`. */
  readonly facts: FileFacts;
  readonly style: CodeStyle;
  report(report: Report<M>): void;
}

export type NodeVisitor = (node: ts.Node) => void;

export interface RuleVisitor {
  /** Called for every node of these kinds during the single walk. */
  readonly nodes?: Partial<Record<ts.SyntaxKind, NodeVisitor>>;
  /** Called after the walk, when `ctx.facts` is complete. */
  readonly onEnd?: () => void;
}

/**
 * Cheap facts about one file, gathered in the engine's one walk, that tell which rules can
 * apply to it (see `RuleDefinition.appliesTo`).
 */
export interface FileSignals {
  /** The whole-file facts (responses built, headers written, body reads), complete. */
  readonly facts: FileFacts;
  /** Every export of the file, and the exported HTTP method handlers. */
  readonly exports: readonly RouteExport[];
  readonly handlers: readonly HandlerExport[];
  /** Whether a node of this kind occurs in the file. */
  has(kind: ts.SyntaxKind): boolean;
  /**
   * Whether the file's text contains `word`: a name the rule looks for (`cookies`, `fetch`) can
   * only be in the tree if it is in the text. (Always true when the text has a `\u` escape.)
   */
  mentions(word: string): boolean;
  /** Whether the file's text matches `pattern` (for names the rule matches by pattern). */
  matches(pattern: RegExp): boolean;
}

export interface RuleDefinition<M extends string = string> {
  readonly id: string;
  readonly meta: RuleMeta;
  readonly messages: Readonly<Record<M, string>>;
  /**
   * When the rule can report on a file. False skips the rule for that file: its node visitors
   * are not called and its `onEnd` does not run. It must be true whenever the rule could report
   * (a test lints the corpora with and without skipping and compares). A rule that has it gets
   * its node visitors after the walk, in document order, with `ctx.facts` complete.
   */
  readonly appliesTo?: (signals: FileSignals) => boolean;
  create(ctx: RuleContext<M>): RuleVisitor;
}

/** Declares a rule; the identity function that gives rule modules their types. */
export function defineRule<M extends string>(rule: RuleDefinition<M>): RuleDefinition<M> {
  return rule;
}

export type AnyRule = RuleDefinition<string>;

export function formatMessage(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (all, key: string) => (key in data ? String(data[key]) : all));
}
