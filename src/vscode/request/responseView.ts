/**
 * The response view: one read-only virtual document, reused for every response and opened
 * beside the code, highlighted by our grammar. Streamed bodies are appended as they arrive
 * (updates are batched). Its content is text only — nothing is rendered or executed.
 */
import * as vscode from 'vscode';
import { RESPONSE_LANGUAGE } from '../../constants';

export const RESPONSE_SCHEME = 'next-route-kit';
const RESPONSE_URI = vscode.Uri.from({ scheme: RESPONSE_SCHEME, path: '/Response' });

export class ResponseView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private text = '';
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly registration: vscode.Disposable;
  readonly onDidChange = this.changed.event;
  /** The file holding the full body of the last response, when it exceeded the display cap. */
  fullBodyFile: string | undefined;
  /** The displayed body of the last response (for saving when nothing was cut). */
  lastBody = '';

  constructor() {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(RESPONSE_SCHEME, this);
  }

  get uri(): vscode.Uri {
    return RESPONSE_URI;
  }

  provideTextDocumentContent(): string {
    return this.text;
  }

  /** Replaces the content and makes sure the view is visible beside the code. */
  async show(text: string): Promise<void> {
    this.set(text);
    await this.reveal();
  }

  async reveal(): Promise<void> {
    const doc = await vscode.workspace.openTextDocument(RESPONSE_URI);
    if (doc.languageId !== RESPONSE_LANGUAGE) await vscode.languages.setTextDocumentLanguage(doc, RESPONSE_LANGUAGE);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === RESPONSE_URI.toString());
    await vscode.window.showTextDocument(doc, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.Beside,
      preserveFocus: true,
      preview: false,
    });
  }

  set(text: string): void {
    this.text = text;
    this.flush();
  }

  /** Appends streamed text; the document refreshes at most every 100 ms. */
  append(chunk: string): void {
    this.text += chunk;
    this.flushTimer ??= setTimeout(() => this.flush(), 100);
  }

  private flush(): void {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    this.changed.fire(RESPONSE_URI);
  }

  dispose(): void {
    clearTimeout(this.flushTimer);
    this.registration.dispose();
    this.changed.dispose();
  }
}
