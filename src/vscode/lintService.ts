/**
 * Lints route documents in the editor: findings for a document's current version, computed
 * from the shared parse and memoized on it, so diagnostics and code actions agree.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/types';
import type { RouteDocuments } from './documents';
import { engine } from './engine';
import { readSettings } from './configuration';

export class LintService {
  constructor(private readonly documents: RouteDocuments) {}

  /** Findings for the document as it is now; undefined when it is not a route file or lint is off. */
  findings(document: vscode.TextDocument): Finding[] | undefined {
    const settings = readSettings(document.uri);
    if (!settings.lint.enable) return undefined;
    const info = this.documents.routeFile(document);
    if (!info) return undefined;
    const e = engine();
    const doc = this.documents.parse(document);
    return e.lintDocument(doc, {
      route: e.lintRouteInfo(info),
      project: e.lintProjectInfo(this.documents.layout(document)),
      severities: settings.lint.rules,
    });
  }
}
