/**
 * Names the extension shares with package.json. The COMMANDS table is the only source of
 * command ids: scripts/sync-manifest.ts writes `contributes.commands`, `menus` and
 * `keybindings` from it, and the adapter's `registerCommands` must give every id a handler
 * (the compiler checks that; a test checks package.json).
 */

export const EXTENSION_ID = 'next-route-kit.next-route-kit';
export const DISPLAY_NAME = 'Next Route Kit';
export const DIAGNOSTIC_SOURCE = 'next-route-kit';
export const DOCS_BASE_URL = 'https://github.com/next-route-kit/next-route-kit#';
export const CATEGORY = 'Next Route Kit';

export const CONTEXT_KEYS = {
  /** Set when the workspace holds a Next.js project with an `app/` directory. */
  isNextProject: 'nextRouteKit.isNextProject',
  /** Set while the active editor shows an App Router route file. */
  isRouteFile: 'nextRouteKit.isRouteFile',
} as const;

export interface CommandSpec {
  readonly title: string;
  /** Hidden from the Command Palette (targets of code lenses and code actions). */
  readonly internal?: boolean;
  /** `when` clause for the Command Palette entry. */
  readonly when?: string;
  readonly enablement?: string;
  readonly icon?: string;
  readonly keybinding?: { readonly key: string; readonly mac?: string; readonly when: string };
  /** Editor context menu entry (`editor/context`), with its `when` clause. */
  readonly editorContext?: { readonly when: string; readonly group: string };
}

const ROUTE_FILE = `editorTextFocus && ${CONTEXT_KEYS.isRouteFile}`;

export const COMMANDS = {
  'nextRouteKit.showRoutes': {
    title: 'Show Routes',
    when: CONTEXT_KEYS.isNextProject,
  },
  'nextRouteKit.showOutput': {
    title: 'Show Output',
  },
  'nextRouteKit.lintWorkspace': {
    title: 'Lint All Route Handlers in the Workspace',
    when: CONTEXT_KEYS.isNextProject,
  },
  'nextRouteKit.showRuleDocs': {
    title: 'Show Rule Documentation',
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandId = keyof typeof COMMANDS;

export function commandSpecs(): Array<[CommandId, CommandSpec]> {
  return Object.entries(COMMANDS) as Array<[CommandId, CommandSpec]>;
}

// Used by command entries added by later features; kept here so they share one definition.
export const WHEN = { ROUTE_FILE } as const;
