// The types of `next-route-kit/eslint` (copied to dist/eslint.d.ts by esbuild.mjs).
import type { ESLint, Linter, Rule } from 'eslint';

declare const plugin: ESLint.Plugin & {
  readonly meta: { readonly name: string; readonly version: string };
  readonly rules: Record<string, Rule.RuleModule>;
  readonly configs: { readonly recommended: Linter.Config };
};

export = plugin;
