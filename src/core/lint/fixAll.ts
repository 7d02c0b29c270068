/**
 * Applying every safe fix to a file, the way `eslint --fix` does: lint, apply the fixes that
 * do not overlap, lint the result again, until no fix is left (at most ten passes, ESLint's
 * limit: https://github.com/eslint/eslint/blob/main/lib/linter/linter.js, MAX_AUTOFIX_PASSES).
 * Suggestions are never applied.
 */
import type { Finding, TextEdit } from '../types';
import { applyEdits, fixAllEdits } from './lint';

export const MAX_FIX_PASSES = 10;

export interface FixAllResult {
  /** The text after every pass. */
  readonly text: string;
  /** The findings left in `text`. */
  readonly findings: readonly Finding[];
  /** How many fixes were applied, over all passes. */
  readonly fixed: number;
}

/** Fixes `text` with `lint` (which lints a version of the file's text). */
export function fixAll(text: string, lint: (text: string) => readonly Finding[]): FixAllResult {
  let current = text;
  let findings = lint(current);
  let fixed = 0;
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const chosen = fixAllEdits(findings);
    if (chosen.length === 0) break;
    const next = applyEdits(current, chosen);
    if (next === current) break;
    const applied = (e: TextEdit): boolean =>
      chosen.some((c) => c.span.start === e.span.start && c.span.end === e.span.end && c.newText === e.newText);
    fixed += findings.filter((f) => f.fix && f.fix.edits.every(applied)).length;
    current = next;
    findings = lint(current);
  }
  return { text: current, findings, fixed };
}
