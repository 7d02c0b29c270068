/**
 * The rules as an ESLint flat-config plugin (`next-route-kit/eslint`). Each ESLint rule is a
 * thin view of one of our rules: the file's text (`context.sourceCode.text`) is parsed and
 * linted once by our own core, whatever parser ESLint was configured with, and every rule
 * reports its own findings with their locations, fixes and suggestions. The project's
 * Next.js version is read the way the CLI reads it, unless `settings.nextRouteKit.nextVersion`
 * says otherwise. Project-wide checks (route/page conflicts, duplicate URLs) need every file
 * at once and stay in the CLI and the editor.
 *
 * ESLint plugin format: https://eslint.org/docs/latest/extend/plugins
 */
import * as path from 'node:path';
import type { ESLint, Linter, Rule, SourceCode } from 'eslint';
// The parser, rules and project model come from dist/engine.js, shared with the CLI and the
// editor (esbuild.mjs keeps the import external), so the package carries one copy of them.
import {
  AstCache,
  INTERNAL_ERROR_ID,
  lintDocument,
  lintProjectInfo,
  lintRouteInfo,
  majorOf,
  PARSE_ERROR_ID,
  ProjectIndex,
  routeFileInfo,
  RULES,
} from '../core/engine';
import { docsUrlFor, type AnyRule, type LintProjectInfo, type LintRouteInfo } from '../core/lint/rule';
import { routePathFromSegments } from '../core/nextjs/routePath';
import type { Finding, Fix, Severity } from '../core/types';

declare const __VERSION__: string | undefined;

export const PLUGIN_NAME = 'next-route-kit';

/** Where the recommended config applies: App Router route files, in `app/` or `src/app/`. */
export const ROUTE_FILES = ['**/app/**/route.{ts,tsx,js,jsx,mjs}'];

/** `settings.nextRouteKit` in an ESLint config. */
export interface PluginSettings {
  /** The project's Next.js version (`"15"`, `"15.2.0"`, `"^16"`); `"latest"` assumes the newest behaviour. */
  readonly nextVersion?: string | number;
}

// Project layouts (app dir, next.config, installed Next.js) are read once per project root and
// parses are shared between the rules of one file; both live as long as the ESLint process.
const projects = new ProjectIndex();
const parses = new AstCache(16);
let parseVersion = 0;
const findingsBySource = new WeakMap<SourceCode, readonly Finding[]>();

function settingsOf(context: Rule.RuleContext): PluginSettings {
  const raw = (context.settings as Record<string, unknown> | undefined)?.nextRouteKit;
  return raw && typeof raw === 'object' ? (raw as PluginSettings) : {};
}

/** The route a file serves, from its folders below the last `app/` (files outside a known project). */
function routeFromPath(file: string): LintRouteInfo {
  const parts = file.split(/[\\/]/);
  const app = parts.lastIndexOf('app');
  const { route, pathname, params, routable, problems } = routePathFromSegments(
    app === -1 ? [] : parts.slice(app + 1, -1),
  );
  return { route, pathname, params, routable, problems };
}

/**
 * Route and project information as the CLI computes it. Undefined when the file belongs to a
 * project whose App Router directory does not hold it as a route file (the CLI skips it too).
 */
function lintTarget(context: Rule.RuleContext): { route: LintRouteInfo; project: LintProjectInfo } | undefined {
  const file = path.resolve(context.cwd, context.physicalFilename);
  // Only route files, as in the CLI (a config without our `files` pattern may send any file).
  if (!path.basename(file).startsWith('route.')) return undefined;
  const layout = projects.layoutFor(file);
  const info = layout?.appDir ? routeFileInfo(file, layout) : undefined;
  if (layout?.appDir && !info) return undefined;
  const project = lintProjectInfo(layout);
  const { nextVersion } = settingsOf(context);
  if (nextVersion === undefined) return { route: info ? lintRouteInfo(info) : routeFromPath(file), project };
  const { nextMajor: _ignored, ...rest } = project;
  const nextMajor = majorOf(String(nextVersion));
  return {
    route: info ? lintRouteInfo(info) : routeFromPath(file),
    project: nextMajor === undefined ? rest : { ...rest, nextMajor },
  };
}

/** Every finding of every rule for this file, computed once per `SourceCode` (one lint pass). */
function findingsFor(context: Rule.RuleContext): readonly Finding[] {
  const sourceCode = context.sourceCode;
  let findings = findingsBySource.get(sourceCode);
  if (!findings) {
    const target = lintTarget(context);
    if (!target) findings = [];
    else {
      const text = sourceCode.text;
      const doc = parses.get({
        uri: context.physicalFilename,
        version: ++parseVersion,
        fileName: context.filename,
        getText: () => text,
      });
      // ESLint asks every report for its fix and suggestions, so the run computes them.
      findings = lintDocument(doc, { ...target, fixes: true });
    }
    findingsBySource.set(sourceCode, findings);
  }
  return findings;
}

function fixFunction(fix: Fix): Rule.ReportFixer {
  return (fixer) => fix.edits.map((e) => fixer.replaceTextRange([e.span.start, e.span.end], e.newText));
}

function report(context: Rule.RuleContext, f: Finding, messageId: string): void {
  const sc = context.sourceCode;
  const suggestions = f.suggestions ?? [];
  context.report({
    loc: { start: sc.getLocFromIndex(f.span.start), end: sc.getLocFromIndex(f.span.end) },
    messageId,
    ...(f.data ? { data: f.data } : {}),
    ...(f.fix ? { fix: fixFunction(f.fix) } : {}),
    ...(suggestions.length ? { suggest: suggestions.map((s) => ({ desc: s.title, fix: fixFunction(s) })) } : {}),
  });
}

function eslintRule(rule: AnyRule): Rule.RuleModule {
  return {
    meta: {
      type: rule.meta.defaultSeverity === 'error' ? 'problem' : 'suggestion',
      docs: { description: rule.meta.description, url: docsUrlFor(rule.id), recommended: true },
      messages: { ...rule.messages },
      ...(rule.meta.fixable === 'safe' ? { fixable: 'code' as const } : {}),
      ...(rule.meta.fixable !== false ? { hasSuggestions: true } : {}),
      schema: [],
    },
    create(context) {
      return {
        Program() {
          for (const f of findingsFor(context)) if (f.ruleId === rule.id) report(context, f, f.messageId);
        },
      };
    },
  };
}

/**
 * The engine's own findings: our parser failing where ESLint's succeeded (`parse-error`),
 * or a rule that threw on this file (`internal-error`, naming the rule).
 */
function engineRule(id: string, description: string): Rule.RuleModule {
  return {
    meta: {
      type: 'problem',
      docs: { description, url: docsUrlFor(id), recommended: true },
      messages: { finding: '{{message}}' },
      schema: [],
    },
    create(context) {
      return {
        Program() {
          for (const f of findingsFor(context))
            if (f.ruleId === id) report(context, { ...f, data: { message: f.message } }, 'finding');
        },
      };
    },
  };
}

function eslintSeverity(severity: Severity): Linter.RuleSeverity {
  return severity === 'error' ? 'error' : 'warn';
}

const rules: Record<string, Rule.RuleModule> = {};
const recommendedRules: Linter.RulesRecord = {};
for (const rule of RULES as readonly AnyRule[]) {
  rules[rule.id] = eslintRule(rule);
  recommendedRules[`${PLUGIN_NAME}/${rule.id}`] = eslintSeverity(rule.meta.defaultSeverity);
}
rules[PARSE_ERROR_ID] = engineRule(PARSE_ERROR_ID, 'The route file does not parse as TypeScript/JavaScript.');
rules[INTERNAL_ERROR_ID] = engineRule(INTERNAL_ERROR_ID, 'A rule failed on this file and was skipped.');
recommendedRules[`${PLUGIN_NAME}/${PARSE_ERROR_ID}`] = 'error';
recommendedRules[`${PLUGIN_NAME}/${INTERNAL_ERROR_ID}`] = 'warn';

export interface NextRouteKitPlugin extends ESLint.Plugin {
  readonly meta: { readonly name: string; readonly version: string };
  readonly rules: Record<string, Rule.RuleModule>;
  readonly configs: { readonly recommended: Linter.Config };
}

const plugin: NextRouteKitPlugin = {
  meta: { name: PLUGIN_NAME, version: typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0' },
  rules,
  configs: {} as NextRouteKitPlugin['configs'],
};
Object.assign(plugin.configs, {
  recommended: {
    name: `${PLUGIN_NAME}/recommended`,
    files: ROUTE_FILES,
    plugins: { [PLUGIN_NAME]: plugin },
    rules: recommendedRules,
  },
});

export default plugin;
