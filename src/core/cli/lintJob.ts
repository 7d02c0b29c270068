/** The messages between `lint --concurrency`'s main thread and its workers (plain data only). */
import type { Finding, SeveritySetting } from '../types';

/** What a worker needs to lint a file the same way the main thread would. */
export interface LintJob {
  readonly severities: Readonly<Record<string, SeveritySetting>>;
}

export interface WorkerBatch {
  readonly files: readonly { readonly index: number; readonly file: string }[];
}

export interface WorkerResults {
  readonly results: readonly { readonly index: number; readonly findings: readonly Finding[] }[];
}

/** The job a lint worker was started with (its workerData), or undefined in any other thread. */
export function lintJobOf(data: unknown): LintJob | undefined {
  return (data as { nextRouteKitLint?: LintJob } | null)?.nextRouteKitLint;
}

/** A finding as data (no lazily computed fixes): what crosses the thread boundary. */
export function plainFinding(f: Finding): Finding {
  return {
    ruleId: f.ruleId,
    messageId: f.messageId,
    message: f.message,
    severity: f.severity,
    range: f.range,
    span: f.span,
    docsUrl: f.docsUrl,
  };
}
