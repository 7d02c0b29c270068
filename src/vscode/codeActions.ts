/**
 * Quick fixes in the shape of vscode-eslint: the rule's safe fix (preferred), its
 * suggestions, "Disable <rule> for this line", "Show documentation for <rule>"; and
 * `source.fixAll.nextRouteKit` applying every safe fix. Edits are computed from the
 * document's current version, never from stale diagnostics.
 */
import * as vscode from 'vscode';
import { docsUrlFor } from '../core/links';
import type { Finding } from '../core/types';
import { ruleIdOf, sameFinding, toWorkspaceEdit } from './convert';
import { RouteDocuments, ROUTE_LANGUAGES } from './documents';
import { engine } from './engine';
import type { LintService } from './lintService';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('nextRouteKit');

const INTERNAL_RULES = new Set(['parse-error', 'internal-error', 'read-error']);

export class RouteCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly lint: LintService) {}

  static register(provider: RouteCodeActions): vscode.Disposable {
    return vscode.languages.registerCodeActionsProvider(
      ROUTE_LANGUAGES.map((language) => ({ language, scheme: 'file' })),
      provider,
      RouteCodeActions.metadata,
    );
  }

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    if (!RouteDocuments.mayBeRouteFile(document)) return [];
    const findings = this.lint.findingsWithFixes(document) ?? [];
    if (context.only && FIX_ALL_KIND.contains(context.only)) return this.fixAll(document, findings);
    if (
      context.only &&
      !context.only.contains(vscode.CodeActionKind.QuickFix) &&
      !vscode.CodeActionKind.QuickFix.contains(context.only)
    ) {
      return context.only.contains(FIX_ALL_KIND) ? this.fixAll(document, findings) : [];
    }
    const actions: vscode.CodeAction[] = [];
    const seenRules = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      const ruleId = ruleIdOf(diagnostic);
      if (!ruleId || INTERNAL_RULES.has(ruleId)) continue;
      const finding = findings.find((f) => sameFinding(diagnostic, f));
      if (finding?.fix) {
        const action = new vscode.CodeAction(finding.fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document.uri, finding.fix.edits);
        action.diagnostics = [diagnostic];
        action.isPreferred = true;
        actions.push(action);
      }
      for (const suggestion of finding?.suggestions ?? []) {
        const action = new vscode.CodeAction(suggestion.title, vscode.CodeActionKind.QuickFix);
        action.edit = toWorkspaceEdit(document.uri, suggestion.edits);
        action.diagnostics = [diagnostic];
        actions.push(action);
      }
      if (seenRules.has(ruleId)) continue;
      seenRules.add(ruleId);
      actions.push(this.disableForLine(document, diagnostic, ruleId), this.showDocs(ruleId, diagnostic));
    }
    if (actions.some((a) => a.isPreferred) && findings.filter((f) => f.fix).length > 1) {
      const all = this.fixAll(document, findings)[0];
      if (all) {
        all.title = 'Fix all auto-fixable Next Route Kit problems';
        all.kind = vscode.CodeActionKind.QuickFix;
        actions.push(all);
      }
    }
    return actions;
  }

  private fixAll(document: vscode.TextDocument, findings: readonly Finding[]): vscode.CodeAction[] {
    const edits = engine().fixAllEdits(findings);
    if (edits.length === 0) return [];
    const action = new vscode.CodeAction('Fix all Next Route Kit problems', FIX_ALL_KIND);
    action.edit = toWorkspaceEdit(document.uri, edits);
    return [action];
  }

  private disableForLine(
    document: vscode.TextDocument,
    diagnostic: vscode.Diagnostic,
    ruleId: string,
  ): vscode.CodeAction {
    const line = document.lineAt(diagnostic.range.start.line);
    const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
    const action = new vscode.CodeAction(`Disable ${ruleId} for this line`, vscode.CodeActionKind.QuickFix);
    action.edit = new vscode.WorkspaceEdit();
    action.edit.insert(
      document.uri,
      new vscode.Position(line.lineNumber, 0),
      `${indent}// next-route-kit-disable-next-line ${ruleId}\n`,
    );
    action.diagnostics = [diagnostic];
    return action;
  }

  private showDocs(ruleId: string, diagnostic: vscode.Diagnostic): vscode.CodeAction {
    const action = new vscode.CodeAction(`Show documentation for ${ruleId}`, vscode.CodeActionKind.QuickFix);
    action.command = {
      command: 'nextRouteKit.showRuleDocs',
      title: `Show documentation for ${ruleId}`,
      arguments: [ruleId],
    };
    action.diagnostics = [diagnostic];
    return action;
  }
}

/** Opens the rule's documentation (bundled docs/rules/<id>.md) in a Markdown preview. */
export async function showRuleDocs(extensionUri: vscode.Uri, ruleId?: string): Promise<void> {
  let id = ruleId;
  if (!id) {
    const picked = await vscode.window.showQuickPick(
      engine().RULES.map((r) => ({ label: r.id, description: r.meta.defaultSeverity, detail: r.meta.description })),
      { title: 'Next Route Kit rules', matchOnDetail: true },
    );
    id = picked?.label;
  }
  if (!id) return;
  const doc = vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${id}.md`);
  try {
    await vscode.workspace.fs.stat(doc);
    await vscode.commands.executeCommand('markdown.showPreview', doc);
  } catch {
    const rule = engine().ruleById(id);
    await vscode.env.openExternal(vscode.Uri.parse(docsUrlFor(rule ? rule.id : 'rules')));
  }
}
