/**
 * Every `nextRouteKit.*` setting: one table that is the source of package.json's
 * `contributes.configuration` (scripts/sync-manifest.ts writes it, a test checks it), and
 * one pure reader, `parseSettings`, that turns whatever the editor hands us into typed
 * values with defaults. Nothing here imports `vscode`.
 */
import { docsUrlFor } from './links';
import type { SeveritySetting } from './types';

export type SettingScope =
  'application' | 'machine' | 'window' | 'resource' | 'machine-overridable' | 'language-overridable';

export interface SettingSpec {
  readonly key: string; // without the `nextRouteKit.` prefix, e.g. `lint.enable`
  readonly type: 'boolean' | 'number' | 'string' | 'object';
  readonly default: unknown;
  readonly scope: SettingScope;
  readonly markdownDescription: string;
  readonly enum?: readonly string[];
  readonly markdownEnumDescriptions?: readonly string[];
  readonly minimum?: number;
  readonly maximum?: number;
  /** JSON schema for the values of an object setting. */
  readonly additionalProperties?: Record<string, unknown>;
  /** Ignored in untrusted workspaces (listed in `capabilities.untrustedWorkspaces.restrictedConfigurations`). */
  readonly restricted?: boolean;
  readonly order?: number;
}

export interface SettingSection {
  readonly title: string;
  readonly settings: readonly SettingSpec[];
}

export const CONFIG_SECTION = 'nextRouteKit';

const SEVERITY_ENUM = ['off', 'info', 'warning', 'error'] as const;

export const SETTINGS_SCHEMA: readonly SettingSection[] = [
  {
    title: 'Diagnostics',
    settings: [
      {
        key: 'lint.enable',
        type: 'boolean',
        default: true,
        scope: 'resource',
        markdownDescription:
          'Lint App Router route files (`app/**/route.ts`) as you type and show the findings in the Problems panel.',
      },
      {
        key: 'lint.rules',
        type: 'object',
        default: {},
        scope: 'resource',
        markdownDescription:
          'Severity per rule, overriding its default: `{ "no-wildcard-cors": "error", "create-status": "off" }`. Values: `off`, `info`, `warning`, `error`. See the [rule list](' +
          docsUrlFor('rules') +
          ').',
        additionalProperties: { type: 'string', enum: [...SEVERITY_ENUM] },
      },
      {
        key: 'lint.debounceMs',
        type: 'number',
        default: 200,
        minimum: 0,
        maximum: 5000,
        scope: 'window',
        markdownDescription:
          'How long to wait after the last keystroke before re-linting a route file, in milliseconds.',
      },
    ],
  },
  {
    title: 'Snippets',
    settings: [
      {
        key: 'snippets.scope',
        type: 'string',
        default: 'routeFiles',
        enum: ['routeFiles', 'everywhere', 'off'],
        markdownEnumDescriptions: [
          'Offer route-handler snippets (`rhget`, `rhpost`, …) only in App Router route files.',
          'Offer them in every TypeScript and JavaScript file.',
          'Never offer them.',
        ],
        scope: 'resource',
        markdownDescription: 'Where the route-handler snippets are offered.',
      },
    ],
  },
  {
    title: 'Code Lens',
    settings: [
      {
        key: 'codeLens.enable',
        type: 'boolean',
        default: true,
        scope: 'resource',
        markdownDescription:
          'Show `▶ Send GET /api/…` above every exported handler. The **Next Route Kit: Send Request** command works with lenses off.',
      },
    ],
  },
  {
    title: 'Requests',
    settings: [
      {
        key: 'request.baseUrl',
        type: 'string',
        default: '',
        scope: 'resource',
        restricted: true,
        markdownDescription:
          'Base URL of the running Next.js server, e.g. `http://localhost:3000`. Empty: detected from `.next/dev/lock`, the `dev` script (`-p`/`--port`, `--experimental-https`), `PORT`, then port 3000. The `basePath` from next.config is added to the route, not to this.',
      },
      {
        key: 'request.environments',
        type: 'object',
        default: {},
        scope: 'resource',
        restricted: true,
        additionalProperties: {
          type: 'object',
          properties: { baseUrl: { type: 'string', format: 'uri', description: 'Where requests go.' } },
          additionalProperties: { type: 'string' },
        },
        markdownDescription:
          'Named servers to send requests to besides `local` (the detected dev server), chosen from the status bar (**Next Route Kit: Select Environment…**): `{ "preview": { "baseUrl": "https://my-app-git-main.vercel.app" }, "staging": { "baseUrl": "https://staging.example.com", "tenant": "acme" } }`. Other keys are `{{variables}}` for `.http` files. Each environment has its own auth token and cookie jar, kept in the OS keychain, never here. The same shape as an `http-client.env.json` entry (httpYac) and `rest-client.environmentVariables` (REST Client).',
      },
      {
        key: 'request.headers',
        type: 'object',
        default: {},
        scope: 'resource',
        restricted: true,
        additionalProperties: { type: 'string' },
        markdownDescription:
          'Extra headers sent with every request, e.g. `{ "x-tenant": "acme" }`. Put secrets in **Next Route Kit: Set Auth Token** (kept in the OS keychain), not here.',
      },
      {
        key: 'request.timeoutMs',
        type: 'number',
        default: 30000,
        minimum: 100,
        maximum: 600000,
        scope: 'resource',
        markdownDescription: 'Give up on a request after this many milliseconds without a complete response.',
      },
      {
        key: 'request.followRedirects',
        type: 'boolean',
        default: false,
        scope: 'resource',
        markdownDescription:
          'Follow redirects (at most 10). Off by default so you see the `3xx` your handler returned. Credentials are never sent to another origin.',
      },
      {
        key: 'request.maxDisplayBytes',
        type: 'number',
        default: 5242880,
        minimum: 1024,
        scope: 'resource',
        markdownDescription:
          'Show at most this many bytes of a response body (default 5 MB); the rest is kept for **Save Full Response**.',
      },
      {
        key: 'request.historySize',
        type: 'number',
        default: 20,
        minimum: 0,
        maximum: 200,
        scope: 'window',
        markdownDescription: 'How many recent requests to remember per route and method, for **Resend**.',
      },
    ],
  },
];

export interface Settings {
  readonly lint: {
    readonly enable: boolean;
    readonly rules: Readonly<Record<string, SeveritySetting>>;
    readonly debounceMs: number;
  };
  readonly snippets: {
    readonly scope: 'routeFiles' | 'everywhere' | 'off';
  };
  readonly codeLens: {
    readonly enable: boolean;
  };
  readonly request: {
    readonly baseUrl: string;
    /** Name → its JSON entry (`baseUrl` and variables); read into environments by src/core/request/environments.ts. */
    readonly environments: Readonly<Record<string, Readonly<Record<string, string>>>>;
    readonly headers: Readonly<Record<string, string>>;
    readonly timeoutMs: number;
    readonly followRedirects: boolean;
    readonly maxDisplayBytes: number;
    readonly historySize: number;
  };
}

export function allSettingSpecs(): SettingSpec[] {
  return SETTINGS_SCHEMA.flatMap((s) => s.settings);
}

function specFor(key: string): SettingSpec {
  const spec = allSettingSpecs().find((s) => s.key === key);
  if (!spec) throw new Error(`Unknown setting ${key}`);
  return spec;
}

function get(raw: unknown, key: string): unknown {
  if (!raw || typeof raw !== 'object') return undefined;
  const flat = (raw as Record<string, unknown>)[key];
  if (flat !== undefined) return flat;
  let current: unknown = raw;
  for (const part of key.split('.')) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function bool(raw: unknown, key: string): boolean {
  const v = get(raw, key);
  return typeof v === 'boolean' ? v : (specFor(key).default as boolean);
}

function num(raw: unknown, key: string): number {
  const spec = specFor(key);
  const v = get(raw, key);
  if (typeof v !== 'number' || !Number.isFinite(v)) return spec.default as number;
  return Math.min(spec.maximum ?? Infinity, Math.max(spec.minimum ?? -Infinity, v));
}

function oneOf<T extends string>(raw: unknown, key: string): T {
  const spec = specFor(key);
  const v = get(raw, key);
  return (typeof v === 'string' && spec.enum?.includes(v) ? v : spec.default) as T;
}

function str(raw: unknown, key: string): string {
  const v = get(raw, key);
  return typeof v === 'string' ? v.trim() : (specFor(key).default as string);
}

function stringRecord(raw: unknown, key: string): Record<string, string> {
  const v = get(raw, key);
  const out: Record<string, string> = {};
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, value] of Object.entries(v)) if (typeof value === 'string') out[k] = value;
  }
  return out;
}

function recordOfRecords(raw: unknown, key: string): Record<string, Record<string, string>> {
  const v = get(raw, key);
  const out: Record<string, Record<string, string>> = {};
  if (v && typeof v === 'object' && !Array.isArray(v))
    for (const name of Object.keys(v)) out[name] = stringRecord(v, name);
  return out;
}

function severityRecord(raw: unknown, key: string): Record<string, SeveritySetting> {
  const out: Record<string, SeveritySetting> = {};
  for (const [k, v] of Object.entries(stringRecord(raw, key))) {
    const normalized = v === 'information' ? 'info' : v === 'warn' ? 'warning' : v;
    if ((SEVERITY_ENUM as readonly string[]).includes(normalized) || normalized === 'hint')
      out[k] = normalized as SeveritySetting;
  }
  return out;
}

/**
 * Typed settings from raw values: either a nested object (`{ lint: { enable: false } }`,
 * as `workspace.getConfiguration('nextRouteKit')` gives) or flat dotted keys
 * (`{ 'lint.enable': false }`). Invalid values fall back to defaults; numbers are clamped.
 */
export function parseSettings(raw: unknown = {}): Settings {
  return {
    lint: {
      enable: bool(raw, 'lint.enable'),
      rules: severityRecord(raw, 'lint.rules'),
      debounceMs: num(raw, 'lint.debounceMs'),
    },
    snippets: {
      scope: oneOf(raw, 'snippets.scope'),
    },
    codeLens: {
      enable: bool(raw, 'codeLens.enable'),
    },
    request: {
      baseUrl: str(raw, 'request.baseUrl'),
      environments: recordOfRecords(raw, 'request.environments'),
      headers: stringRecord(raw, 'request.headers'),
      timeoutMs: num(raw, 'request.timeoutMs'),
      followRedirects: bool(raw, 'request.followRedirects'),
      maxDisplayBytes: num(raw, 'request.maxDisplayBytes'),
      historySize: num(raw, 'request.historySize'),
    },
  };
}

export const DEFAULT_SETTINGS: Settings = parseSettings({});
