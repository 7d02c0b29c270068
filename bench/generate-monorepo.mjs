// Writes a deterministic monorepo for the scale benchmarks: 10 Next.js apps with 10,000 route
// files between them (the corpus generator's handlers, correct ones and ones with mistakes),
// a few pages, basePaths and `src/app` layouts.
//   node bench/generate-monorepo.mjs [outDir] [routes] [apps]
// Re-running with the same arguments reuses the tree (a marker file records them).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIELDS, RESOURCES, T, helpers, mulberry32 } from './generate-corpus.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VERSION = 1;

function writeApp(appDir, a) {
  const basePath = a % 3 === 0 ? `/app${a}` : '';
  fs.mkdirSync(appDir, { recursive: true });
  fs.writeFileSync(
    path.join(appDir, 'package.json'),
    JSON.stringify({ name: `app-${a}`, private: true, dependencies: { next: a % 4 === 0 ? '15.3.0' : '16.4.6' } }),
  );
  fs.writeFileSync(
    path.join(appDir, 'next.config.mjs'),
    `/** @type {import('next').NextConfig} */\nconst nextConfig = {${basePath ? ` basePath: '${basePath}',` : ''} reactStrictMode: true };\nexport default nextConfig;\n`,
  );
  const appRoot = path.join(appDir, a % 2 ? 'src' : '', 'app');
  fs.mkdirSync(appRoot, { recursive: true });
  fs.writeFileSync(
    path.join(appRoot, 'page.tsx'),
    `export default function Home() {\n  return <main>app ${a}</main>;\n}\n`,
  );
  for (let p = 0; p < 20; p++) {
    const dir = path.join(appRoot, `section-${p}`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'page.tsx'), `export default function Page() {\n  return <p>${p}</p>;\n}\n`);
  }
  return appRoot;
}

/** Writes (or reuses) the monorepo; returns its folder, app folders and route files. */
export function generateMonorepo(
  outDir = path.join(ROOT, '.cache', 'bench-monorepo'),
  routes = 10_000,
  apps = 10,
  seed = 20261129,
) {
  const marker = path.join(outDir, '.generated.json');
  const params = JSON.stringify({ VERSION, routes, apps, seed });
  const listing = path.join(outDir, '.files.json');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === params && fs.existsSync(listing)) {
    return { outDir, ...JSON.parse(fs.readFileSync(listing, 'utf8')) };
  }
  const rand = mulberry32(seed);
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  fs.writeFileSync(
    path.join(outDir, 'package.json'),
    JSON.stringify({ name: 'monorepo', private: true, workspaces: ['apps/*'] }),
  );
  const appDirs = [];
  const appRoots = [];
  for (let a = 0; a < apps; a++) {
    const appDir = path.join(outDir, 'apps', `app-${a}`);
    appDirs.push(appDir);
    appRoots.push(writeApp(appDir, a));
  }
  const kinds = Object.keys(T);
  const files = [];
  for (let i = 0; i < routes; i++) {
    const a = i % apps;
    const kind = kinds[Math.floor(rand() * kinds.length)];
    const r = RESOURCES[Math.floor(rand() * RESOURCES.length)];
    const ts = rand() > 0.3;
    const n = 1 + Math.floor(rand() * 9);
    const fields = FIELDS.filter(() => rand() > 0.6).slice(0, 5);
    const group = rand() > 0.85 ? '(internal)/' : '';
    const dynamic = kind === 'item' || kind === 'legacy' ? '/[id]' : '';
    const dir = path.join(appRoots[a], 'api', `${group}v${i % 5}`, `${r}-${i}${dynamic}`);
    fs.mkdirSync(dir, { recursive: true });
    const text = T[kind](r, ts, n, fields.length ? fields : ['title']) + helpers(rand, Math.floor(rand() * 4));
    const file = path.join(dir, `route.${ts ? 'ts' : 'js'}`);
    fs.writeFileSync(file, text);
    files.push(file);
  }
  fs.writeFileSync(listing, JSON.stringify({ appDirs, files }));
  fs.writeFileSync(marker, params);
  return { outDir, appDirs, files };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [outDir, routes, apps] = process.argv.slice(2);
  const result = generateMonorepo(
    outDir ? path.resolve(outDir) : undefined,
    routes ? Number(routes) : undefined,
    apps ? Number(apps) : undefined,
  );
  console.log(`${result.files.length} route files in ${result.appDirs.length} apps below ${result.outDir}`);
}
