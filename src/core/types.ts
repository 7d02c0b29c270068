/**
 * Plain data types shared by the core, the CLI and the editor adapter.
 * Positions are 0-based (line and UTF-16 character), like the Language Server Protocol;
 * only the CLI's output and `vscode/convert.ts` change that.
 */

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A half-open span of character offsets into a document's text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface TextEdit {
  readonly range: Range;
  /** The same edit as offsets into the text the finding was computed from. */
  readonly span: Span;
  readonly newText: string;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface Fix {
  /** Shown as the quick fix's title. */
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

/** What a rule found, as data. Only the editor adapter turns it into `vscode` types. */
export interface Finding {
  readonly ruleId: string;
  readonly messageId: string;
  readonly message: string;
  /** The values filled into the rule's message template (what ESLint's `data` is). */
  readonly data?: Readonly<Record<string, string | number>>;
  readonly severity: Severity;
  readonly range: Range;
  readonly span: Span;
  /** Link to the rule's documentation. */
  readonly docsUrl: string;
  /** A safe fix (applied by fix-all and preferred in the quick-fix menu). */
  readonly fix?: Fix;
  /** Alternative fixes the user chooses between; never applied automatically. */
  readonly suggestions?: readonly Fix[];
}
