/**
 * Generated parts of README.md: the settings table (from SETTINGS_SCHEMA), the snippets
 * table (from snippets/typescript.json) and the Rules section (from the rule registry +
 * docs/rules/<id>.md). `npm run docs` writes them;
 * test/unit/conventions.test.ts fails when README.md is out of date.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnyRule } from '../src/core/lint/rule';
import { PROJECT_CHECKS } from '../src/core/lint/project';
import { RULES } from '../src/core/rules';
import { CONFIG_SECTION, SETTINGS_SCHEMA } from '../src/core/settings';
import { SNIPPET_FILES, type SnippetFile } from '../src/core/snippets';

export const ROOT = path.resolve(__dirname, '..');

export function ruleDocFile(id: string): string {
  return path.join(ROOT, 'docs', 'rules', `${id}.md`);
}

function fixLabel(rule: AnyRule): string {
  return rule.meta.fixable === 'safe' ? 'fix' : rule.meta.fixable === 'suggestion' ? 'suggestion' : '';
}

interface RulePrecision {
  readonly shown: number;
  readonly info: number;
  readonly right: number;
  readonly precision: number | null;
}
interface PrecisionFigures {
  readonly apps: readonly string[];
  readonly routeFiles: number;
  readonly rules: Readonly<Record<string, RulePrecision>>;
}

/** Figures measured on real apps by `node bench/real-world.mjs --judge … --write docs/precision.json`. */
function readPrecision(): PrecisionFigures | undefined {
  const file = path.join(ROOT, 'docs', 'precision.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as PrecisionFigures) : undefined;
}

/** `1.00 (6/6)`: right / judged warning-or-error findings; `no finding` when it stayed silent there. */
function precisionLabel(figures: PrecisionFigures | undefined, id: string): string {
  const r = figures?.rules[id];
  if (!figures) return '';
  if (!r || (r.shown === 0 && r.info === 0)) return 'no finding';
  if (r.shown === 0) return `info only (${r.info})`;
  const judged = r.precision === null ? 0 : Math.round(r.right / r.precision);
  return `${(r.precision ?? 0).toFixed(2)} (${r.right}/${judged})`;
}

export function renderRules(): string {
  const rules = [...(RULES as readonly AnyRule[])];
  const figures = readPrecision();
  const lines: string[] = [];
  if (figures)
    lines.push(
      `Precision: right / judged warning- and error-severity findings on ${figures.apps.join(', ')} (${figures.routeFiles} route files), judged by hand — see [docs/precision.md](docs/precision.md).`,
      '',
    );
  lines.push('| Rule | Default | Fix | Precision | Flags |', '|---|---|---|---|---|');
  for (const r of rules) {
    const since = r.meta.minNextMajor ? ` (Next ${r.meta.minNextMajor}+)` : '';
    lines.push(
      `| [\`${r.id}\`](#${r.id}) | ${r.meta.defaultSeverity}${since} | ${fixLabel(r)} | ${precisionLabel(figures, r.id)} | ${r.meta.description.replace(/\|/g, '\\|')} |`,
    );
  }
  for (const c of Object.values(PROJECT_CHECKS)) {
    lines.push(
      `| [\`${c.id}\`](#${c.id}) | ${c.defaultSeverity} | | ${precisionLabel(figures, c.id)} | ${c.description.replace(/\|/g, '\\|')} (project check) |`,
    );
  }
  for (const r of rules) {
    const file = ruleDocFile(r.id);
    const body = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '_Documentation missing._';
    const fix = fixLabel(r);
    const since = r.meta.minNextMajor
      ? ` · applies to Next.js ${r.meta.minNextMajor}+ (and projects whose version is unknown)`
      : '';
    lines.push(
      '',
      `### \`${r.id}\``,
      '',
      `Default: **${r.meta.defaultSeverity}**${fix ? ` · quick ${fix}` : ''}${since}`,
      '',
      body,
    );
  }
  lines.push(
    '',
    '### Project checks',
    '',
    'These look at the whole project (every route and page file) rather than one file. They run with `next-route-kit lint` on a folder and with **Lint All Route Handlers in the Workspace**, and report on the route file.',
  );
  for (const c of Object.values(PROJECT_CHECKS)) {
    const file = ruleDocFile(c.id);
    const body = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : '_Documentation missing._';
    lines.push('', `### \`${c.id}\``, '', `Default: **${c.defaultSeverity}** · project check`, '', body);
  }
  return lines.join('\n');
}

function settingDefault(value: unknown): string {
  return value === '' ? '`""`' : '`' + JSON.stringify(value) + '`';
}

export function renderSettings(): string {
  const lines = ['| Setting | Default | Description |', '|---|---|---|'];
  for (const section of SETTINGS_SCHEMA) {
    for (const s of section.settings) {
      const desc = s.markdownDescription.replace(/\|/g, '\\|').replace(/\n/g, ' ');
      const values = s.enum ? ` Values: ${s.enum.map((v) => '`' + v + '`').join(', ')}.` : '';
      lines.push(`| \`${CONFIG_SECTION}.${s.key}\` | ${settingDefault(s.default)} | ${desc}${values} |`);
    }
  }
  return lines.join('\n');
}

export function renderSnippets(): string {
  const file: SnippetFile = JSON.parse(fs.readFileSync(path.join(ROOT, SNIPPET_FILES.typescript), 'utf8'));
  const lines = ['| Prefix | Snippet | What it writes |', '|---|---|---|'];
  for (const [name, s] of Object.entries(file)) {
    lines.push(`| \`${s.prefix}\` | ${name.replace(/\|/g, '\\|')} | ${s.description.replace(/\|/g, '\\|')} |`);
  }
  return lines.join('\n');
}

export const GENERATED: Record<string, () => string> = {
  rules: renderRules,
  settings: renderSettings,
  snippets: renderSnippets,
};

/** README text with every generated block replaced by its current rendering. */
export function renderReadme(readme: string): string {
  let out = readme;
  for (const [name, render] of Object.entries(GENERATED)) {
    const start = `<!-- ${name}:start -->`;
    const end = `<!-- ${name}:end -->`;
    const i = out.indexOf(start);
    const j = out.indexOf(end);
    if (i === -1 || j === -1 || j < i) throw new Error(`README.md lacks the ${start} … ${end} markers`);
    out = out.slice(0, i + start.length) + '\n' + render() + '\n' + out.slice(j);
  }
  return out;
}
