/** The single place where core data (0-based ranges, findings, edits) becomes `vscode` types. */
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE } from '../constants';
import type { Finding, Range, Severity, TextEdit } from '../core/types';

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toSeverity(severity: Severity): vscode.DiagnosticSeverity {
  return SEVERITY[severity];
}

export function toDiagnostic(finding: Finding, severity: Severity = finding.severity): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, toSeverity(severity));
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(finding.docsUrl) };
  return diagnostic;
}

export function toWorkspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(uri, toRange(e.range), e.newText);
  return edit;
}

/** The rule id a diagnostic of ours carries in its `code`. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  if (typeof code === 'object' && code !== null) return String(code.value);
  return code === undefined ? undefined : String(code);
}

/** Whether a finding is the one a diagnostic was made from (same rule, same start). */
export function sameFinding(diagnostic: vscode.Diagnostic, finding: Finding): boolean {
  return (
    ruleIdOf(diagnostic) === finding.ruleId &&
    diagnostic.range.start.line === finding.range.start.line &&
    diagnostic.range.start.character === finding.range.start.character &&
    diagnostic.message === finding.message
  );
}
