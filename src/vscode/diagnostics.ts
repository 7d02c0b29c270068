/**
 * Diagnostics for route files: on open, as the user types (debounced), on settings and
 * next.config changes; cleared when the file closes. Never throws into the extension host.
 */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../constants';
import type { Finding } from '../core/types';
import { readSettings, onSettingsChanged } from './configuration';
import { toDiagnostic } from './convert';
import { RouteDocuments } from './documents';
import type { LintService } from './lintService';

/** `parse-error` duplicates TypeScript's own syntax error, so it is shown as a subtle hint. */
const QUIET_RULES = new Set(['parse-error']);

export class LintDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Whole-project findings (route/page conflicts …) by file path, merged into each file's diagnostics. */
  private project = new Map<string, readonly Finding[]>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    documents: RouteDocuments,
    private readonly lint: LintService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.collection,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d.uri)),
      onSettingsChanged((e) => {
        if (e.affectsConfiguration('nextRouteKit.lint')) this.refreshAll();
      }),
      documents.onDidChangeProjects(() => this.refreshAll()),
    );
  }

  /** Lints every open route document (at activation and after settings change). */
  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private schedule(document: vscode.TextDocument, delay?: number): void {
    if (!RouteDocuments.mayBeRouteFile(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const wait = delay ?? readSettings(document.uri).lint.debounceMs;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.update(document);
      }, wait),
    );
  }

  update(document: vscode.TextDocument): void {
    if (document.isClosed) return;
    try {
      const findings = this.lint.findings(document);
      const project = this.project.get(document.uri.fsPath) ?? [];
      if (!findings && project.length === 0) {
        this.collection.delete(document.uri);
        return;
      }
      this.set(document.uri, [...project, ...(findings ?? [])]);
    } catch (e) {
      this.log.error(`Lint failed for ${vscode.workspace.asRelativePath(document.uri)}: ${(e as Error).stack ?? e}`);
      this.collection.delete(document.uri);
    }
  }

  set(uri: vscode.Uri, findings: readonly Finding[]): void {
    this.collection.set(
      uri,
      findings.map((f) => toDiagnostic(f, QUIET_RULES.has(f.ruleId) ? 'hint' : f.severity)),
    );
  }

  clear(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    const project = this.project.get(uri.fsPath);
    if (project?.length) this.set(uri, project);
    else this.collection.delete(uri);
  }

  /** Replaces the project findings and refreshes every file they touch (open or not). */
  setProjectFindings(next: Map<string, readonly Finding[]>): void {
    const touched = new Set([...this.project.keys(), ...next.keys()]);
    this.project = next;
    for (const file of touched) {
      const uri = vscode.Uri.file(file);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (open) this.update(open);
      else if (next.get(file)?.length) this.set(uri, next.get(file)!);
      else this.collection.delete(uri);
    }
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
