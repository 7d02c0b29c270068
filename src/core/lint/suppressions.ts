/**
 * Suppression comments:
 *   // next-route-kit-disable-next-line [rule-a, rule-b]   the next line (all rules when none named)
 *   // next-route-kit-disable-line [rules]                  this line
 *   /* next-route-kit-disable [rules] *\/                    the whole file
 */
export const DISABLE_NEXT_LINE = 'next-route-kit-disable-next-line';
export const DISABLE_LINE = 'next-route-kit-disable-line';
export const DISABLE_FILE = 'next-route-kit-disable';

export interface Suppressions {
  /** Rules disabled for the whole file ('*' = all). */
  readonly file: ReadonlySet<string>;
  /** 0-based line → rules disabled on it ('*' = all). */
  readonly lines: ReadonlyMap<number, ReadonlySet<string>>;
}

const COMMENT =
  /\/\/[ \t]*(next-route-kit-disable(?:-next-line|-line)?)\b([^\n]*)|\/\*[ \t]*(next-route-kit-disable(?:-next-line|-line)?)\b([\s\S]*?)\*\//g;

function ruleList(raw: string): Set<string> {
  // Anything after ` -- ` is a reason, as in ESLint.
  const list = raw
    .split(/\s--\s/)[0]!
    .split(/[\s,]+/)
    .filter(Boolean);
  return new Set(list.length ? list : ['*']);
}

export function parseSuppressions(text: string): Suppressions {
  const file = new Set<string>();
  const lines = new Map<number, Set<string>>();
  if (!text.includes('next-route-kit-disable')) return { file, lines };
  COMMENT.lastIndex = 0;
  for (let m = COMMENT.exec(text); m; m = COMMENT.exec(text)) {
    const kind = m[1] ?? m[3]!;
    const rules = ruleList(m[2] ?? m[4] ?? '');
    const line = lineOf(text, m.index);
    const add = (l: number): void => {
      const set = lines.get(l) ?? new Set<string>();
      for (const r of rules) set.add(r);
      lines.set(l, set);
    };
    if (kind === DISABLE_NEXT_LINE) add(line + 1);
    else if (kind === DISABLE_LINE) add(line);
    else for (const r of rules) file.add(r);
  }
  return { file, lines };
}

function lineOf(text: string, offset: number): number {
  let line = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export function isSuppressed(s: Suppressions, ruleId: string, line: number): boolean {
  if (s.file.has('*') || s.file.has(ruleId)) return true;
  const set = s.lines.get(line);
  return !!set && (set.has('*') || set.has(ruleId));
}
