import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { displayPath } from '../files';
import { listRoutes } from '../routes';
import { EXIT, table, UsageError, type CliIo } from './io';

export const ROUTES_USAGE = `Usage: next-route-kit routes [dir] [--json]

Lists every App Router route handler below dir (default: the current folder):
its URL pattern (with basePath), exported methods (re-exports followed into the app's own
modules) and path parameters. Methods in parentheses are answered by Next.js itself: HEAD
wherever GET is exported, OPTIONS (204 with Allow) wherever it is not.

Options:
  --json    print [{ file, route, methods, implicitMethods, params }] as JSON
  -h, --help`;

export async function routesCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.out(ROUTES_USAGE + '\n');
    return EXIT.ok;
  }
  if (positionals.length > 1)
    throw new UsageError(`routes takes one folder, got ${positionals.length}: ${positionals.join(' ')}`);
  const dir = path.resolve(io.cwd, positionals[0] ?? '.');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new UsageError(`No such folder: ${positionals[0] ?? '.'} (resolved to ${dir})`);
  }
  if (!stat.isDirectory())
    throw new UsageError(`Not a folder: ${positionals[0]}. Give the project folder, e.g. \`next-route-kit routes .\``);

  const { routes, errors } = listRoutes(dir);
  if (values.json) {
    const json = routes.map((r) => ({
      file: displayPath(r.file, io.cwd),
      route: r.route,
      methods: r.methods,
      implicitMethods: r.implicitMethods,
      params: r.params.map((p) => p.name),
      ...(r.routable ? {} : { routable: false, problems: r.problems.map((p) => p.message) }),
    }));
    io.out(JSON.stringify(json, null, 2) + '\n');
  } else if (routes.length === 0) {
    io.out(`No App Router route files (app/**/route.ts) found below ${displayPath(dir, io.cwd) || '.'}.\n`);
  } else {
    const rows = [['ROUTE', 'METHODS', 'FILE']];
    for (const r of routes) {
      const note = r.routable ? '' : `  (not routable: ${r.problems.map((p) => p.segment).join(', ')})`;
      const implicit = r.implicitMethods.length ? ` (${r.implicitMethods.join(', ')})` : '';
      const methods = r.methods.length ? r.methods.join(', ') + implicit : '(none)';
      rows.push([r.route, methods, displayPath(r.file, io.cwd) + note]);
    }
    io.out(table(rows) + '\n');
    const notes = routes.flatMap((r) =>
      r.routable ? [] : r.problems.map((p) => `${displayPath(r.file, io.cwd)}: ${p.message}`),
    );
    if (notes.length) io.out('\n' + notes.join('\n') + '\n');
  }
  for (const e of errors) io.err(`next-route-kit: cannot read ${displayPath(e.path, io.cwd)} (${e.message})\n`);
  return errors.length ? EXIT.usage : EXIT.ok;
}
