/**
 * Installs what the real-VS-Code harness needs, once, into git-ignored caches:
 *   - Debian packages: chromium (browser for the E2E tests), ripgrep, libkrb5-dev and
 *     pkg-config (code-server builds native modules);
 *   - code-server 4.100.3 (the newest that runs on Node 20) into .cache/code-server, with its
 *     ripgrep download served from a local cache (this machine cannot reach GitHub releases).
 * Re-runs are quick no-ops. Where apt-get is missing or not permitted, it says what to install.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const CODE_SERVER_VERSION = '4.100.3';
export const CODE_SERVER_DIR = path.join(REPO_ROOT, '.cache', 'code-server');
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = '/usr/bin/chromium';

type Log = (line: string) => void;

function installed(pkg: string): boolean {
  return (
    spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' }).stdout?.includes(
      'install ok installed',
    ) ?? false
  );
}

export class InstallError extends Error {}

function ensureDebianPackages(packages: string[], log: Log): void {
  const missing = packages.filter((p) => !installed(p));
  if (missing.length === 0) return;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { encoding: 'utf8' }).status === 0;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!hasApt || !root) {
    throw new InstallError(
      `The end-to-end harness needs these Debian/Ubuntu packages: ${missing.join(' ')}.\n` +
        (hasApt
          ? `Install them with: sudo apt-get install -y ${missing.join(' ')}\n`
          : `This system has no apt-get: install the equivalents of ${missing.join(', ')} with your package manager.\n`),
    );
  }
  log(`Installing Debian packages: ${missing.join(' ')} (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = (): number | null =>
    spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'install', '-y', '-q', ...missing], {
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    }).status;
  if (install() !== 0) {
    spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'update', '-q'], { env, stdio: 'ignore' });
    if (install() !== 0)
      throw new InstallError(`apt-get could not install ${missing.join(' ')}. Install them by hand and run again.`);
  }
}

/** code-server's postinstall fetches ripgrep from GitHub; a cached archive holding Debian's rg satisfies it. */
function ensureRipgrepCache(log: Log): void {
  const dir = path.join(process.env['TMPDIR'] || os.tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const archive = path.join(dir, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (fs.existsSync(archive)) return;
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) throw new InstallError('ripgrep (rg) is missing: install the Debian package "ripgrep".');
  log(`Caching ripgrep for code-server's installer (${archive})…`);
  fs.mkdirSync(dir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'rg-'));
  fs.copyFileSync(rg, path.join(staging, 'rg'));
  fs.chmodSync(path.join(staging, 'rg'), 0o755);
  execFileSync('tar', ['czf', archive, '-C', staging, 'rg']);
  fs.rmSync(staging, { recursive: true, force: true });
}

function codeServerInstalled(): boolean {
  try {
    const pkg = JSON.parse(
      fs.readFileSync(path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'package.json'), 'utf8'),
    ) as { version?: string };
    return (
      pkg.version === CODE_SERVER_VERSION &&
      fs.existsSync(CODE_SERVER_ENTRY) &&
      fs.existsSync(
        path.join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode', 'node_modules', 'node-pty'),
      )
    );
  } catch {
    return false;
  }
}

function ensureCodeServer(log: Log): void {
  if (codeServerInstalled()) return;
  ensureRipgrepCache(log);
  log(`Installing code-server ${CODE_SERVER_VERSION} into .cache/code-server (first run only, about a minute)…`);
  fs.mkdirSync(CODE_SERVER_DIR, { recursive: true });
  fs.writeFileSync(
    path.join(CODE_SERVER_DIR, 'package.json'),
    JSON.stringify({ name: 'next-route-kit-code-server', private: true }) + '\n',
  );
  const result = spawnSync(
    'npm',
    ['install', `code-server@${CODE_SERVER_VERSION}`, '--no-audit', '--no-fund', '--no-save'],
    {
      cwd: CODE_SERVER_DIR,
      // Its postinstall builds native modules through `npx node-gyp`: allow npx to fetch it and run as root.
      env: { ...process.env, npm_config_yes: 'true', npm_config_unsafe_perm: 'true' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (result.status !== 0 || !codeServerInstalled()) {
    const tail = `${result.stdout ?? ''}${result.stderr ?? ''}`
      .split('\n')
      .filter((l) => /error/i.test(l))
      .slice(-15)
      .join('\n');
    throw new InstallError(
      `Installing code-server failed:\n${tail}\nIt needs the Debian packages libkrb5-dev and pkg-config, python3, make and g++.`,
    );
  }
}

/** Everything the harness needs; `browser` adds Chromium (the tests need it, the demo does not). */
export function ensureInstalled(options: { browser: boolean; log?: Log }): void {
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  if (process.platform !== 'linux')
    throw new InstallError(
      'The code-server harness installs Linux packages; on other systems use `npm run demo -- --desktop` with VS Code installed.',
    );
  const packages = ['ripgrep', 'libkrb5-dev', 'pkg-config', ...(options.browser ? ['chromium'] : [])];
  if (codeServerInstalled()) packages.splice(0, 3);
  ensureDebianPackages(packages, log);
  ensureCodeServer(log);
}

if (require.main === module) {
  try {
    ensureInstalled({ browser: process.argv.includes('--browser') });
    console.log(`code-server ${CODE_SERVER_VERSION} is ready in .cache/code-server.`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
