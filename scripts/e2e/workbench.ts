/**
 * Starts real VS Code (code-server) with this extension — the repository itself, symlinked
 * into a fresh extensions folder, so it is always the freshly built dist/, never a stale
 * package — on a throwaway copy of the fixture app, with `next dev` serving that copy and
 * `nextRouteKit.request.baseUrl` pointing at it. Everything it starts is stopped by stop(),
 * on SIGINT/SIGTERM, and on exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURE_APP, freePort, startNextDev, type DevServer } from '../../test/support/nextDev';
import { CODE_SERVER_ENTRY, REPO_ROOT } from './install';

export interface Workbench {
  /** Origin of code-server, e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  /** The copy of the fixture app that is open. */
  readonly workspace: string;
  readonly userDataDir: string;
  readonly dev?: DevServer;
  /** A URL that opens the workspace, and `file` (relative to it) in an editor. */
  url(file?: string): string;
  /** The extension's Output channel, as logged by the extension host. */
  extensionLog(): string;
  codeServerLog(): string;
  stop(): Promise<void>;
}

export interface WorkbenchOptions {
  /**
   * A Next.js app to open in place (never copied, never deleted) instead of a throwaway copy
   * of the fixture app. No dev server is started for it (`devServer` applies to the fixture).
   */
  readonly app?: string;
  /** The fixture app a throwaway copy is made of (default test/fixtures/workspace), e.g. AUTH_APP. */
  readonly fixture?: string;
  readonly devServer?: boolean;
  /**
   * The `nextRouteKit.request.baseUrl` for the running `next dev` (default its origin), e.g. a
   * loopback proxy in front of it that the caller starts here and stops after stop().
   */
  readonly baseUrlFor?: (devOrigin: string) => Promise<string>;
  /** Extra user settings. */
  readonly settings?: Readonly<Record<string, unknown>>;
}

const live = new Set<() => Promise<void>>();
let handlersInstalled = false;
function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const stopAll = async (): Promise<void> => {
    await Promise.all([...live].map((stop) => stop().catch(() => undefined)));
  };
  process.once('exit', () => {
    for (const stop of live) void stop();
  });
  // A terminal's Ctrl+C reaches every process of the group (and tsx relays it again): keep the
  // handler installed so a second signal cannot kill us halfway through cleaning up.
  let stopping: Promise<void> | undefined;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopping ??= stopAll().then(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* gone */
  }
}

async function waitForHealth(origin: string, child: ChildProcess, log: () => string, timeoutMs = 60000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer ${origin}/healthz within ${timeoutMs} ms:\n${log()}`);
}

/** A throwaway copy of `fixture` inside the repository (so that its `next` resolves from the repository's node_modules). */
function copyFixture(fixture: string): string {
  const root = path.join(REPO_ROOT, '.cache', 'e2e');
  fs.mkdirSync(root, { recursive: true });
  const target = fs.mkdtempSync(path.join(root, `${path.basename(fixture)}-`));
  fs.cpSync(fixture, target, {
    recursive: true,
    // Not the fixture's build output (a top-level `.next` too), nor dependencies.
    filter: (src) => !/(^|[\\/])(\.next|node_modules)([\\/]|$)|next-env\.d\.ts$/.test(path.relative(fixture, src)),
  });
  return target;
}

function findFile(dir: string, name: string): string | undefined {
  if (!fs.existsSync(dir)) return undefined;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = findFile(full, name);
      if (found) return found;
    } else if (entry.name === name) return full;
  }
  return undefined;
}

export async function startWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  installExitHandlers();
  const workspace = options.app ? path.resolve(options.app) : copyFixture(options.fixture ?? FIXTURE_APP);
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'next-route-kit-vscode-'));
  const userDataDir = path.join(temp, 'user-data');
  const extensionsDir = path.join(temp, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
    version: string;
  };
  fs.symlinkSync(REPO_ROOT, path.join(extensionsDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`), 'dir');

  let dev: DevServer | undefined;
  let codeServer: ChildProcess | undefined;
  let output = '';
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopped ??= doStop());
  const doStop = async (): Promise<void> => {
    live.delete(stop);
    if (codeServer && codeServer.exitCode === null && codeServer.signalCode === null) {
      const exited = new Promise<void>((resolve) => codeServer!.once('exit', () => resolve()));
      killGroup(codeServer, 'SIGTERM');
      const timer = setTimeout(() => killGroup(codeServer!, 'SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    if (codeServer) killGroup(codeServer, 'SIGKILL'); // extension hosts and helpers
    await dev?.stop();
    fs.rmSync(temp, { recursive: true, force: true });
    if (!options.app) fs.rmSync(workspace, { recursive: true, force: true });
  };
  live.add(stop);
  try {
    if (options.devServer !== false && !options.app) dev = await startNextDev(workspace);
    const baseUrl = dev && (options.baseUrlFor ? await options.baseUrlFor(dev.origin) : dev.origin);
    const settings = {
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'workbench.editor.enablePreview': false,
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'update.mode': 'none',
      'git.enabled': false,
      'git.openRepositoryInParentFolders': 'never',
      'typescript.tsserver.log': 'off',
      'editor.minimap.enabled': false,
      ...(baseUrl ? { 'nextRouteKit.request.baseUrl': baseUrl } : {}),
      ...options.settings,
    };
    fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
    const port = await freePort();
    codeServer = spawn(
      process.execPath,
      [
        CODE_SERVER_ENTRY,
        '--auth',
        'none',
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--user-data-dir',
        userDataDir,
        '--extensions-dir',
        extensionsDir,
        workspace,
      ],
      {
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          ...process.env,
          XDG_DATA_HOME: path.join(temp, 'xdg-data'),
          XDG_CONFIG_HOME: path.join(temp, 'xdg-config'),
          NEXT_TELEMETRY_DISABLED: '1',
        },
      },
    );
    codeServer.stdout!.on('data', (d: Buffer) => (output += d));
    codeServer.stderr!.on('data', (d: Buffer) => (output += d));
    const origin = `http://127.0.0.1:${port}`;
    await waitForHealth(origin, codeServer, () => output);
    return {
      origin,
      workspace,
      userDataDir,
      ...(dev ? { dev } : {}),
      url: (file?: string) => {
        const folder = `${origin}/?folder=${encodeURIComponent(workspace)}`;
        if (!file) return folder;
        // With code-server's authority (host:port): without it the workbench takes the file for one outside the workspace.
        const payload = JSON.stringify([
          ['openFile', `vscode-remote://${new URL(origin).host}${encodeURI(path.join(workspace, file))}`],
        ]);
        return `${folder}&payload=${encodeURIComponent(payload)}`;
      },
      extensionLog: () => {
        const file = findFile(path.join(userDataDir, 'logs'), 'Next Route Kit.log');
        return file ? fs.readFileSync(file, 'utf8') : '(no extension log written)';
      },
      codeServerLog: () => output,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
