/**
 * Names the extension shares with package.json. The COMMANDS table is the only source of
 * command ids: scripts/sync-manifest.ts writes `contributes.commands`, `menus` and
 * `keybindings` from it, and the adapter's `registerCommands` must give every id a handler
 * (the compiler checks that; a test checks package.json).
 */

export const EXTENSION_ID = 'next-route-kit.next-route-kit';
export const DISPLAY_NAME = 'Next Route Kit';
export const DIAGNOSTIC_SOURCE = 'next-route-kit';
export const CATEGORY = 'Next Route Kit';

export const CONTEXT_KEYS = {
  /** Set when the workspace holds a Next.js project with an `app/` directory. */
  isNextProject: 'nextRouteKit.isNextProject',
  /** Set while the active editor shows an App Router route file. */
  isRouteFile: 'nextRouteKit.isRouteFile',
  /** Set while the Routes view shows a filtered list. */
  routesFiltered: 'nextRouteKit.routesFiltered',
} as const;

/**
 * View containers the extension contributes (scripts/manifest.ts writes `contributes.viewsContainers`).
 * The Routes view has an Activity Bar entry of its own: a view contributed to the Explorer starts
 * collapsed below the folder tree (VS Code does that for every extension view there), where an app's
 * hundreds of routes got a few rows of height.
 */
export const VIEW_CONTAINERS = {
  routes: {
    id: 'nextRouteKit',
    title: 'Next.js Routes',
    icon: 'media/routes-view.svg',
    location: 'activitybar',
  },
} as const;

/** Views the extension contributes (scripts/manifest.ts writes `contributes.views` from this). */
export const VIEWS = {
  routes: {
    id: 'nextRouteKit.routes',
    // The container's title too: a container with one view shows a single title when both are the same.
    name: VIEW_CONTAINERS.routes.title,
    container: VIEW_CONTAINERS.routes.id,
    when: CONTEXT_KEYS.isNextProject,
  },
} as const;

/** `viewItem` values of the Routes view's tree items (for menu `when` clauses). */
export const ROUTES_VIEW_ITEMS = { folder: 'routeFolder', route: 'route', method: 'routeMethod' } as const;

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
  /** A view's title bar (`view/title`); `group: 'navigation'` shows it as an icon. */
  readonly viewTitle?: { readonly when: string; readonly group: string };
  /** A view item's menu (`view/item/context`); `group: 'inline'` shows it as an icon on the item. */
  readonly viewItem?: { readonly when: string; readonly group: string };
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
  'nextRouteKit.sendRequest': {
    title: 'Send Request for the Handler at the Cursor',
    icon: '$(play)',
    when: CONTEXT_KEYS.isRouteFile,
    keybinding: { key: 'ctrl+alt+r', mac: 'cmd+alt+r', when: ROUTE_FILE },
    editorContext: { when: CONTEXT_KEYS.isRouteFile, group: 'navigation@90' },
  },
  'nextRouteKit.sendRequestAt': {
    title: 'Send Request',
    internal: true,
  },
  'nextRouteKit.pickRoute': {
    title: 'Send Request to a Route…',
    when: CONTEXT_KEYS.isNextProject,
  },
  'nextRouteKit.editRequest': {
    title: 'Edit Request…',
    when: CONTEXT_KEYS.isRouteFile,
    editorContext: { when: CONTEXT_KEYS.isRouteFile, group: 'navigation@91' },
  },
  'nextRouteKit.sendHttpRequest': {
    title: 'Send Request',
    internal: true,
  },
  'nextRouteKit.copyAsCurl': {
    title: 'Copy Request as cURL',
    when: CONTEXT_KEYS.isRouteFile,
    editorContext: { when: CONTEXT_KEYS.isRouteFile, group: 'navigation@92' },
  },
  'nextRouteKit.exportRoutes': {
    title: 'Export Routes as .http',
    when: CONTEXT_KEYS.isNextProject,
  },
  'nextRouteKit.exportOpenApi': {
    title: 'Export OpenAPI Document',
    when: CONTEXT_KEYS.isNextProject,
  },
  'nextRouteKit.setAuthToken': {
    title: 'Set Auth Token',
  },
  'nextRouteKit.clearAuthToken': {
    title: 'Clear Auth Token',
  },
  'nextRouteKit.setCookie': {
    title: 'Set Cookie for Requests…',
  },
  'nextRouteKit.signIn': {
    title: 'Sign In (Auth.js)…',
  },
  'nextRouteKit.clearCookies': {
    title: 'Clear Cookies',
  },
  'nextRouteKit.selectEnvironment': {
    title: 'Select Environment…',
  },
  'nextRouteKit.addEnvironment': {
    title: 'Add Environment…',
  },
  'nextRouteKit.followRedirect': {
    title: 'Follow the Redirect of the Last Response',
    internal: true,
  },
  'nextRouteKit.startDevServer': {
    title: 'Start Dev Server',
    when: CONTEXT_KEYS.isNextProject,
  },
  'nextRouteKit.setBaseUrl': {
    title: 'Set Base URL…',
  },
  'nextRouteKit.resendRequest': {
    title: 'Resend a Recent Request…',
  },
  'nextRouteKit.showResponse': {
    title: 'Show Last Response',
  },
  'nextRouteKit.saveFullResponse': {
    title: 'Save Full Response…',
  },
  'nextRouteKit.editParams': {
    title: 'Edit Remembered Path Parameters…',
  },
  'nextRouteKit.filterRoutes': {
    title: 'Filter Routes…',
    icon: '$(filter)',
    when: CONTEXT_KEYS.isNextProject,
    viewTitle: { when: `view == ${VIEWS.routes.id}`, group: 'navigation@1' },
  },
  'nextRouteKit.clearRoutesFilter': {
    title: 'Clear Routes Filter',
    icon: '$(clear-all)',
    when: CONTEXT_KEYS.routesFiltered,
    viewTitle: { when: `view == ${VIEWS.routes.id} && ${CONTEXT_KEYS.routesFiltered}`, group: 'navigation@2' },
  },
  'nextRouteKit.revealRoute': {
    title: 'Reveal Route in the Routes View',
    when: CONTEXT_KEYS.isRouteFile,
  },
  'nextRouteKit.sendFromRoutesView': {
    title: 'Send Request',
    icon: '$(play)',
    internal: true,
    viewItem: { when: `view == ${VIEWS.routes.id} && viewItem == ${ROUTES_VIEW_ITEMS.method}`, group: 'inline' },
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandId = keyof typeof COMMANDS;

export function commandSpecs(): Array<[CommandId, CommandSpec]> {
  return Object.entries(COMMANDS) as Array<[CommandId, CommandSpec]>;
}

/** Language of the response view (highlighted by syntaxes/next-route-kit-response.tmLanguage.json). */
export const RESPONSE_LANGUAGE = 'next-route-kit-response';
/** Language of editable requests (`.http` text; syntaxes/next-route-kit-http.tmLanguage.json). */
export const HTTP_LANGUAGE = 'next-route-kit-http';
