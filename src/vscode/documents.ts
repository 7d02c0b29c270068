/**
 * The editor's view of route files: one parse per document version (AstCache, shared by
 * diagnostics, code actions, code lenses and completions) and one ProjectIndex (project
 * layouts: app dir, basePath, Next.js version). Both are created on first use, so
 * activation loads no parser.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AstCache } from '../core/ast/cache';
import type { ParsedDocument } from '../core/ast/parse';
import { inSkippedDir } from '../core/files';
import type { ModuleGraph } from '../core/nextjs/modules';
import type { ProjectIndex, ProjectLayout, RouteFile } from '../core/nextjs/project';
import { engine } from './engine';

export const ROUTE_LANGUAGES: readonly string[] = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];

export class RouteDocuments implements vscode.Disposable {
  private cache: AstCache | undefined;
  private index: ProjectIndex | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly projectsChanged = new vscode.EventEmitter<void>();
  /** Fires when a next.config, package.json or tsconfig changes (layouts and import aliases were re-read). */
  readonly onDidChangeProjects = this.projectsChanged.event;

  constructor() {
    const config = vscode.workspace.createFileSystemWatcher(
      '**/{next.config.{js,mjs,cjs,ts,mts},package.json,tsconfig.json,jsconfig.json}',
    );
    const invalidate = (uri: vscode.Uri): void => {
      // A package.json that next dev writes into .next/, or one inside node_modules, is not a project's.
      if (inSkippedDir(vscode.workspace.asRelativePath(uri, false))) return;
      this.index?.invalidate();
      this.projectsChanged.fire();
    };
    // next dev rewrites its routes manifest often: re-read layouts only when one takes basePath from it.
    const manifests = vscode.workspace.createFileSystemWatcher(
      '**/.next/{dev/routes-manifest.json,routes-manifest.json}',
    );
    const manifestChanged = (): void => {
      if (!this.index?.readsBuildOutput()) return;
      this.index.invalidate();
      this.projectsChanged.fire();
    };
    this.disposables.push(
      manifests,
      manifests.onDidChange(manifestChanged),
      manifests.onDidCreate(manifestChanged),
      config,
      this.projectsChanged,
      config.onDidChange(invalidate),
      config.onDidCreate(invalidate),
      config.onDidDelete(invalidate),
      vscode.workspace.onDidCloseTextDocument((d) => this.cache?.delete(d.uri.toString())),
    );
  }

  /** The parse of this exact document version (parsed once, shared by every provider). */
  parse(document: vscode.TextDocument): ParsedDocument {
    this.cache ??= new (engine().AstCache)(64);
    return this.cache.get({
      uri: document.uri.toString(),
      version: document.version,
      fileName: document.uri.fsPath,
      getText: () => document.getText(),
    });
  }

  projects(): ProjectIndex {
    this.index ??= new (engine().ProjectIndex)();
    return this.index;
  }

  /** Cheap test on the name and language alone, before anything is loaded. */
  static mayBeRouteFile(document: vscode.TextDocument): boolean {
    return (
      document.uri.scheme === 'file' &&
      ROUTE_LANGUAGES.includes(document.languageId) &&
      path.basename(document.uri.fsPath).startsWith('route.')
    );
  }

  /** The route this document serves, or undefined when it is not an App Router route file. */
  routeFile(document: vscode.TextDocument): RouteFile | undefined {
    if (!RouteDocuments.mayBeRouteFile(document)) return undefined;
    return this.projects().routeFile(document.uri.fsPath);
  }

  /** The app's own modules, for following re-exports and imported helpers from this document. */
  modules(document: vscode.TextDocument): ModuleGraph | undefined {
    return document.uri.scheme === 'file' ? this.projects().modules(document.uri.fsPath) : undefined;
  }

  layout(document: vscode.TextDocument): ProjectLayout | undefined {
    return document.uri.scheme === 'file' ? this.projects().layoutFor(document.uri.fsPath) : undefined;
  }

  /** Number of documents currently cached (for diagnostics and benchmarks). */
  get cachedCount(): number {
    return this.cache?.size ?? 0;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.cache?.clear();
  }
}
