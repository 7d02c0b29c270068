/**
 * The project side of the route model: where a Next.js project's root, `app/` directory,
 * next.config and Next.js version are, and whether a given file is an App Router route.
 */
import * as path from 'node:path';
import { NEXT_CONFIG_FILES, readNextConfig } from './nextConfig';
import { nodeFsPort, type FsPort } from '../fsPort';
import { ModuleGraph, type ModuleLimits } from './modules';
import { routePathFromSegments, type RoutePath, type UrlConfig } from './routePath';

export { nodeFsPort, type FsPort } from '../fsPort';

/** Next's default `pageExtensions`, plus `mjs`, which we lint as a route file too. */
export const DEFAULT_PAGE_EXTENSIONS: readonly string[] = ['tsx', 'ts', 'jsx', 'js'];
const ALWAYS_ROUTE_EXTENSIONS: readonly string[] = ['mjs'];

export interface ProjectLayout {
  /** The folder holding package.json / next.config. */
  readonly root: string;
  /** The App Router directory in use (`<root>/app`, else `<root>/src/app`), if any. */
  readonly appDir?: string;
  /** `<root>/pages` or `<root>/src/pages`, if any. */
  readonly pagesDir?: string;
  readonly pageExtensions: readonly string[];
  readonly url: UrlConfig;
  readonly cacheComponents: boolean;
  readonly configFile?: string;
  /** next.config keys that exist but are not literals (so the URL may be off). */
  readonly unreadableConfig: readonly string[];
  /**
   * Where `url.basePath` comes from: next.config (`config`), the running or last build's
   * routes manifest under `.next/` when next.config computes it (`routes-manifest`), or
   * nowhere (`unknown`: next.config computes it and no manifest says it; `''` is a guess).
   */
  readonly basePathSource: 'config' | 'routes-manifest' | 'unknown';
  /** e.g. "16.4.6" (installed) or "^15.2.0" (declared). */
  readonly nextVersion?: string;
  /** Major version; undefined when unknown (rules then assume the latest behaviour). */
  readonly nextMajor?: number;
  readonly packageJson?: PackageJsonInfo;
}

export interface PackageJsonInfo {
  readonly file: string;
  readonly scripts: Readonly<Record<string, string>>;
  readonly nextRange?: string;
}

export interface RouteFile extends RoutePath {
  readonly file: string;
  readonly appDir: string;
  /** Folder names between the app directory and the file. */
  readonly segments: readonly string[];
}

/** The files that make a folder a project root. */
export const PROJECT_MARKER_FILES: readonly string[] = ['package.json', ...NEXT_CONFIG_FILES];

function looksLikeProjectRoot(dir: string, fs: FsPort): boolean {
  return PROJECT_MARKER_FILES.some((f) => fs.isFile(path.join(dir, f)));
}

/** Finds the project root that owns `file` as an App Router file, walking up from it. */
export function findProjectRoot(
  file: string,
  fs: FsPort = nodeFsPort,
  isRoot = (dir: string): boolean => looksLikeProjectRoot(dir, fs),
): string | undefined {
  let dir = path.dirname(path.resolve(file));
  let fallback: string | undefined;
  for (;;) {
    if (path.basename(dir) === 'app') {
      const parent = path.dirname(dir);
      if (isRoot(parent)) return parent;
      if (path.basename(parent) === 'src') {
        const grand = path.dirname(parent);
        if (isRoot(grand)) return grand;
      }
      fallback ??= path.basename(parent) === 'src' ? path.dirname(parent) : parent;
    } else if (!fallback && isRoot(dir)) {
      return dir;
    }
    const up = path.dirname(dir);
    if (up === dir) return fallback;
    dir = up;
  }
}

export function readPackageJson(dir: string, fs: FsPort): PackageJsonInfo | undefined {
  const file = path.join(dir, 'package.json');
  const text = fs.readFile(file);
  if (text === undefined) return undefined;
  try {
    const json = JSON.parse(text) as {
      scripts?: Record<string, unknown>;
      dependencies?: Record<string, unknown>;
      devDependencies?: Record<string, unknown>;
      peerDependencies?: Record<string, unknown>;
    };
    const scripts: Record<string, string> = {};
    for (const [k, v] of Object.entries(json.scripts ?? {})) if (typeof v === 'string') scripts[k] = v;
    const range = json.dependencies?.['next'] ?? json.devDependencies?.['next'] ?? json.peerDependencies?.['next'];
    return { file, scripts, ...(typeof range === 'string' ? { nextRange: range } : {}) };
  } catch {
    return { file, scripts: {} };
  }
}

/** The major version in a version or range string (`^15.2.0` → 15, `16.0.0-canary.3` → 16). */
export function majorOf(version: string | undefined): number | undefined {
  if (!version) return undefined;
  const m = /(\d+)(?:\.\d+|\.x|\.\*)?/.exec(version.replace(/^[\s^~>=<v]+/, ''));
  if (!m) return undefined;
  // `npm:` aliases, tags (`latest`, `canary`) and workspace refs are unknown
  if (/^(workspace:|file:|link:|git|http|latest|canary|next|beta|rc)/.test(version.trim())) return undefined;
  return Number(m[1]);
}

function installedNextVersion(root: string, fs: FsPort): string | undefined {
  let dir = root;
  for (;;) {
    const text = fs.readFile(path.join(dir, 'node_modules', 'next', 'package.json'));
    if (text !== undefined) {
      try {
        const v = (JSON.parse(text) as { version?: unknown }).version;
        if (typeof v === 'string') return v;
      } catch {
        return undefined;
      }
    }
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

/** Routes manifests `next dev` and `next build` write, newest layout first (Next 16 dev writes under .next/dev/). */
export const ROUTES_MANIFESTS = ['.next/dev/routes-manifest.json', '.next/routes-manifest.json'];

/** The `basePath` the running (or last) server was started with, from its routes manifest. */
export function basePathFromManifest(root: string, fs: FsPort): string | undefined {
  for (const rel of ROUTES_MANIFESTS) {
    const text = fs.readFile(path.join(root, rel));
    if (text === undefined) continue;
    try {
      const value = (JSON.parse(text) as { basePath?: unknown }).basePath;
      if (typeof value === 'string') return value;
    } catch {
      /* a manifest being written: try the next one */
    }
  }
  return undefined;
}

/** Reads a project's layout: app dir, next.config values and Next.js version. */
export function loadProjectLayout(root: string, fs: FsPort = nodeFsPort): ProjectLayout {
  const abs = path.resolve(root);
  const rootApp = path.join(abs, 'app');
  const srcApp = path.join(abs, 'src', 'app');
  // `src/app` is ignored when a root `app/` exists (docs/nextjs-behaviour.md, "Project roots").
  const appDir = fs.isDirectory(rootApp) ? rootApp : fs.isDirectory(srcApp) ? srcApp : undefined;
  const rootPages = path.join(abs, 'pages');
  const srcPages = path.join(abs, 'src', 'pages');
  const pagesDir = fs.isDirectory(rootPages) ? rootPages : fs.isDirectory(srcPages) ? srcPages : undefined;

  let configFile: string | undefined;
  let config: ReturnType<typeof readNextConfig> = { unreadable: [] };
  for (const name of NEXT_CONFIG_FILES) {
    const file = path.join(abs, name);
    const text = fs.readFile(file);
    if (text !== undefined) {
      configFile = file;
      config = readNextConfig(file, text);
      break;
    }
  }

  // Nearest package.json that names `next`, walking up (monorepos declare it per app).
  let packageJson: PackageJsonInfo | undefined;
  for (let dir = abs; ;) {
    const info = readPackageJson(dir, fs);
    if (info && !packageJson) packageJson = info;
    if (info?.nextRange) {
      if (packageJson && !packageJson.nextRange) packageJson = { ...packageJson, nextRange: info.nextRange };
      break;
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  const basePathKnown = !configFile || (config.found === true && !config.unreadable.includes('basePath'));
  const manifestBasePath = basePathKnown ? undefined : basePathFromManifest(abs, fs);
  const installed = installedNextVersion(abs, fs);
  const nextVersion = installed ?? packageJson?.nextRange;
  const nextMajor = majorOf(installed) ?? majorOf(packageJson?.nextRange);

  return {
    root: abs,
    ...(appDir ? { appDir } : {}),
    ...(pagesDir ? { pagesDir } : {}),
    pageExtensions: config.pageExtensions ?? DEFAULT_PAGE_EXTENSIONS,
    url: { basePath: config.basePath ?? manifestBasePath ?? '', trailingSlash: config.trailingSlash ?? false },
    basePathSource: basePathKnown ? 'config' : manifestBasePath !== undefined ? 'routes-manifest' : 'unknown',
    cacheComponents: config.cacheComponents ?? false,
    ...(configFile ? { configFile } : {}),
    unreadableConfig: config.unreadable,
    ...(nextVersion ? { nextVersion } : {}),
    ...(nextMajor !== undefined ? { nextMajor } : {}),
    ...(packageJson ? { packageJson } : {}),
  };
}

/** `route.ts` with the default extensions; `route.api.ts` with `pageExtensions: ['api.ts']`. */
export function isRouteFileName(
  baseName: string,
  pageExtensions: readonly string[] = DEFAULT_PAGE_EXTENSIONS,
): boolean {
  if (!baseName.startsWith('route.')) return false;
  const ext = baseName.slice('route.'.length);
  return pageExtensions.includes(ext) || ALWAYS_ROUTE_EXTENSIONS.includes(ext);
}

const EXCLUDED_DIRS = new Set(['node_modules', '.next', '.git']);

/**
 * Whether `file` is an App Router route file of the project described by `layout`,
 * and if so its URL. Files under `pages/`, outside the app directory, or under
 * node_modules/.next are not.
 */
export function routeFileInfo(file: string, layout: ProjectLayout): RouteFile | undefined {
  if (!layout.appDir) return undefined;
  const abs = path.resolve(file);
  const rel = path.relative(layout.appDir, abs);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const parts = rel.split(path.sep);
  const baseName = parts.pop()!;
  if (!isRouteFileName(baseName, layout.pageExtensions)) return undefined;
  if (parts.some((p) => EXCLUDED_DIRS.has(p))) return undefined;
  return { file: abs, appDir: layout.appDir, segments: parts, ...routePathFromSegments(parts, layout.url) };
}

/**
 * Project layouts by root, read once. The editor calls `invalidate` when a package.json or
 * next.config changes; the CLI builds one per run.
 */
export class ProjectIndex {
  private readonly layouts = new Map<string, ProjectLayout>();
  private readonly roots = new Map<string, string | null>();
  /** Whether a folder holds a package.json or next.config: asked once per folder, not once per file below it. */
  private readonly rootFolders = new Map<string, boolean>();
  private readonly isRoot = (dir: string): boolean => {
    let known = this.rootFolders.get(dir);
    if (known === undefined) {
      const markers = this.markers;
      known = markers?.covers(dir) ? markers.folders.has(dir) : looksLikeProjectRoot(dir, this.fs);
      this.rootFolders.set(dir, known);
    }
    return known;
  };
  private markers: { folders: ReadonlySet<string>; covers: (dir: string) => boolean } | undefined;

  private readonly graphs = new Map<string, ModuleGraph>();

  constructor(
    private readonly fs: FsPort = nodeFsPort,
    private readonly moduleLimits?: ModuleLimits,
  ) {}

  /** The app's own modules for the project that owns `file` (imports followed from its route files). */
  modules(file: string): ModuleGraph | undefined {
    const layout = this.layoutFor(file);
    if (!layout) return undefined;
    let graph = this.graphs.get(layout.root);
    if (!graph) {
      graph = new ModuleGraph(layout.root, this.fs, this.moduleLimits);
      this.graphs.set(layout.root, graph);
    }
    return graph;
  }

  /**
   * findProjectRoot for a file in `dir`, remembered per folder. A folder that is neither `app`
   * nor a root has its parent's answer (the walk up passes through it unchanged), so 10,000
   * route folders cost one step each, not a walk to the top each.
   */
  private rootOf(dir: string): string | null {
    let root = this.roots.get(dir);
    if (root !== undefined) return root;
    const parent = path.dirname(dir);
    root =
      parent !== dir && path.basename(dir) !== 'app' && !this.isRoot(dir)
        ? this.rootOf(parent)
        : (findProjectRoot(path.join(dir, 'file'), this.fs, this.isRoot) ?? null);
    this.roots.set(dir, root);
    return root;
  }

  layoutFor(file: string): ProjectLayout | undefined {
    const root = this.rootOf(path.dirname(path.resolve(file)));
    if (root === null) return undefined;
    let layout = this.layouts.get(root);
    if (!layout) {
      layout = loadProjectLayout(root, this.fs);
      this.layouts.set(root, layout);
    }
    return layout;
  }

  routeFile(file: string): RouteFile | undefined {
    const base = path.basename(file);
    if (!base.startsWith('route.')) return undefined;
    const layout = this.layoutFor(file);
    return layout ? routeFileInfo(file, layout) : undefined;
  }

  /**
   * Every package.json and next.config in the folders `covers` accepts, found by one search
   * (the editor's findFiles), so that finding the project roots of thousands of route files
   * asks the disk nothing about those folders. Forgotten on `invalidate`.
   */
  knowProjectMarkers(files: Iterable<string>, covers: (dir: string) => boolean): void {
    const folders = new Set<string>();
    for (const file of files) folders.add(path.dirname(path.resolve(file)));
    this.markers = { folders, covers };
    this.rootFolders.clear();
    this.roots.clear();
  }

  /** Whether a cached layout took (or looked for) its basePath in a routes manifest under `.next/`. */
  readsBuildOutput(): boolean {
    return [...this.layouts.values()].some((l) => l.basePathSource !== 'config');
  }

  invalidate(): void {
    this.graphs.clear();
    this.layouts.clear();
    this.roots.clear();
    this.rootFolders.clear();
    this.markers = undefined;
  }
}
