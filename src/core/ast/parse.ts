import * as ts from 'typescript';
import type { Position, Range, Span } from '../types';

export interface ParseError {
  readonly message: string;
  readonly span: Span;
}

/**
 * One parse of one version of one document, and everything derived from it.
 * Every provider (diagnostics, code actions, code lenses, the CLI) works from this object,
 * so a document version is parsed once.
 */
export class ParsedDocument {
  private readonly memos = new Map<string, unknown>();
  private cachedErrors: readonly ParseError[] | undefined;
  private fatal: ParseError | undefined;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly fileName: string,
    readonly sourceFile: ts.SourceFile,
  ) {}

  get text(): string {
    return this.sourceFile.text;
  }

  /** Syntax errors found by the parser (the file still has a best-effort tree). */
  get parseErrors(): readonly ParseError[] {
    if (this.fatal) return [this.fatal];
    if (!this.cachedErrors) {
      const raw =
        (this.sourceFile as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ??
        [];
      this.cachedErrors = raw.map((d) => ({
        message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
        span: { start: d.start, end: d.start + d.length },
      }));
    }
    return this.cachedErrors;
  }

  /** Whether the parser gave up on the file (its tree is empty). */
  get unparsable(): boolean {
    return this.fatal !== undefined;
  }

  /** Marks the document as unparsable (the tree is empty). */
  setFatalError(message: string, length: number): void {
    this.fatal = { message, span: { start: 0, end: Math.min(length, 1) } };
  }

  /** Computes a value derived from this version once and shares it between callers. */
  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.sourceFile.text.length));
    const lc = this.sourceFile.getLineAndCharacterOfPosition(clamped);
    return { line: lc.line, character: lc.character };
  }

  offsetAt(position: Position): number {
    const starts = this.sourceFile.getLineStarts();
    if (position.line >= starts.length) return this.sourceFile.text.length;
    const lineStart = starts[Math.max(0, position.line)]!;
    const lineEnd = position.line + 1 < starts.length ? starts[position.line + 1]! : this.sourceFile.text.length;
    return Math.min(lineStart + Math.max(0, position.character), lineEnd);
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  /** The span of a node without its leading trivia. */
  spanOf(node: ts.Node): Span {
    return { start: node.getStart(this.sourceFile), end: node.end };
  }
}

export function scriptKindFor(fileName: string): ts.ScriptKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (lower.endsWith('.ts') || lower.endsWith('.mts') || lower.endsWith('.cts')) return ts.ScriptKind.TS;
  if (lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
  return ts.ScriptKind.JS;
}

/** The one place that calls the TypeScript parser. */
export function parseSource(fileName: string, text: string): ts.SourceFile {
  return ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    /* setParentNodes */ true,
    scriptKindFor(fileName),
  );
}

export function parseDocument(fileName: string, text: string, uri = fileName, version = 0): ParsedDocument {
  try {
    return new ParsedDocument(uri, version, fileName, parseSource(fileName, text));
  } catch (e) {
    // The parser is recursive: absurdly deep nesting can exhaust the stack. Report, don't throw.
    const doc = new ParsedDocument(uri, version, fileName, parseSource(fileName, ''));
    doc.setFatalError(`The file could not be parsed (${(e as Error).message}).`, text.length);
    return doc;
  }
}

/**
 * The next version of a document, parsed incrementally from the previous one: the text
 * between the common prefix and suffix is the change, and TypeScript reuses every node outside
 * it (a keystroke in a 2,000-line file re-parses a few lines, not the file). The previous
 * document's tree is reused — and so changed — by this: callers must drop it (the AST cache
 * replaces it). Falls back to a full parse when the previous parse failed, when most of the
 * file changed, or when the incremental parser throws.
 */
export function reparseDocument(
  previous: ParsedDocument,
  text: string,
  uri = previous.uri,
  version = previous.version + 1,
): ParsedDocument {
  const old = previous.sourceFile.text;
  if (previous.unparsable || old.length === 0) {
    return parseDocument(previous.fileName, text, uri, version);
  }
  let start = 0;
  const max = Math.min(old.length, text.length);
  while (start < max && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let oldEnd = old.length;
  let newEnd = text.length;
  while (oldEnd > start && newEnd > start && old.charCodeAt(oldEnd - 1) === text.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  if (oldEnd - start > old.length / 2) return parseDocument(previous.fileName, text, uri, version);
  try {
    const range = ts.createTextChangeRange(ts.createTextSpan(start, oldEnd - start), newEnd - start);
    return new ParsedDocument(uri, version, previous.fileName, ts.updateSourceFile(previous.sourceFile, text, range));
  } catch {
    return parseDocument(previous.fileName, text, uri, version);
  }
}

/** `ts.createSourceFile` with its defaults (no parent pointers): the benchmarks' baseline. */
export function bareParse(fileName: string, text: string): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest);
}
