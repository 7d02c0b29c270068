/**
 * Lints route documents in the editor: findings for a document's current version, computed
 * from the shared parse and memoized on it, so diagnostics and code actions agree. Code actions
 * ask for the findings with their fixes (the same run, fixes computed on demand); a fix that
 * failed to compute is logged with its rule.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/types';
import type { RouteDocuments } from './documents';
import { engine } from './engine';
import { readSettings } from './configuration';

export class LintService {
  /** Results whose fix failures were already logged (results are memoized per document version). */
  private readonly logged = new WeakSet<Finding[]>();

  constructor(
    private readonly documents: RouteDocuments,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The findings with their fixes and suggestions, for the quick-fix menu and fix-all. */
  findingsWithFixes(document: vscode.TextDocument): Finding[] | undefined {
    const findings = this.findings(document, true);
    if (findings && !this.logged.has(findings)) {
      this.logged.add(findings);
      for (const f of findings) {
        if (f.messageId === 'fixCrashed')
          this.log.error(`${vscode.workspace.asRelativePath(document.uri)}: ${f.message}`);
      }
    }
    return findings;
  }

  /** Findings for the document as it is now; undefined when it is not a route file or lint is off. */
  findings(document: vscode.TextDocument, fixes = false): Finding[] | undefined {
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
      fixes,
    });
  }
}
