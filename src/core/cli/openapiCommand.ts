import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { displayPath } from '../files';
import { buildOpenApi, type OpenApiResult } from '../openapi/document';
import { compareDocuments } from '../openapi/drift';
import { formatForFile, parseDocumentText, serializeDocument, type DocumentFormat } from '../openapi/format';
import { EXIT, UsageError, type CliIo } from './io';

export const OPENAPI_USAGE = `Usage: next-route-kit openapi [dir] [--out FILE] [--format json|yaml] [--check FILE]

Writes an OpenAPI 3.1 document for the App Router route handlers of the Next.js project
in dir (default: the current folder), inferred from the handlers' code: paths and
parameters, request bodies (zod schemas, TypeScript types, fields read), responses.

Options:
  --out FILE       write the document to FILE (default: print it)
  --format FORMAT  json or yaml (default: from the file name, else json)
  --check FILE     compare FILE with the document the code gives now: exit 0 when it is
                   up to date, 1 (with a summary of the changes) when it is not
  -h, --help

Exit codes: 0 written or up to date, 1 the checked document is out of date, 2 bad usage.`;

function parseFormat(value: string | undefined, file: string | undefined): DocumentFormat {
  if (value === undefined) return file ? formatForFile(file) : 'json';
  if (value === 'json' || value === 'yaml') return value;
  throw new UsageError(`--format must be json or yaml, got \`${value}\``);
}

function projectDir(io: CliIo, arg: string | undefined): string {
  const dir = path.resolve(io.cwd, arg ?? '.');
  let stat: fs.Stats;
  try {
    stat = fs.statSync(dir);
  } catch {
    throw new UsageError(`No such folder: ${arg ?? '.'} (resolved to ${dir})`);
  }
  if (!stat.isDirectory()) throw new UsageError(`Not a folder: ${arg}. Give the project folder, e.g. \`.\``);
  return dir;
}

/** Notes on what the document leaves out, on stderr. */
function reportNotes(result: OpenApiResult, io: CliIo): void {
  if (result.unreadableConfig.includes('basePath'))
    io.err(
      `next-route-kit: basePath in next.config is computed, not written as a literal: \`servers\` is ${result.document.servers[0]?.url}; set it in the document if your app serves under a basePath.\n`,
    );
  for (const f of result.skipped)
    io.err(`next-route-kit: left out ${displayPath(f.file, io.cwd)} (never served: ${f.problems[0]?.message ?? ''})\n`);
  for (const r of result.otherRoots)
    io.err(`next-route-kit: another project below the folder is not included: ${displayPath(r, io.cwd)}\n`);
  for (const e of result.errors) io.err(`next-route-kit: cannot read ${displayPath(e.path, io.cwd)} (${e.message})\n`);
}

function check(file: string, format: DocumentFormat, result: OpenApiResult, io: CliIo): number {
  const target = path.resolve(io.cwd, file);
  let committed: unknown;
  try {
    committed = parseDocumentText(fs.readFileSync(target, 'utf8'), format);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? `${file} does not exist. Write it first: next-route-kit openapi --out ${file}`
        : `cannot read ${file} as ${format.toUpperCase()}: ${(e as Error).message}`,
    );
  }
  const report = compareDocuments(committed, result.document);
  if (report.upToDate) {
    io.out(`${file} is up to date with the route handlers.\n`);
    return EXIT.ok;
  }
  io.out(
    `${file} no longer matches the route handlers (${report.changes.length} change${report.changes.length === 1 ? '' : 's'}):\n` +
      report.changes.map((c) => `  ${c}\n`).join('') +
      `Update it with: next-route-kit openapi --out ${file}\n`,
  );
  return EXIT.findings;
}

export async function openapiCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: 'string' },
      format: { type: 'string' },
      check: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(OPENAPI_USAGE + '\n');
    return EXIT.ok;
  }
  if (positionals.length > 1)
    throw new UsageError(`openapi takes one folder, got ${positionals.length}: ${positionals.join(' ')}`);
  if (values.out !== undefined && values.check !== undefined) throw new UsageError('give --out or --check, not both');
  const format = parseFormat(values.format, values.out ?? values.check);
  const result = buildOpenApi(projectDir(io, positionals[0]));
  if (!result.root)
    throw new UsageError(`No App Router route files (app/**/route.ts) found below ${positionals[0] ?? '.'}`);
  reportNotes(result, io);
  if (values.check !== undefined) return check(values.check, format, result, io);
  const text = serializeDocument(result.document, format);
  if (values.out === undefined) {
    io.out(text);
    return EXIT.ok;
  }
  fs.writeFileSync(path.resolve(io.cwd, values.out), text);
  const ops = Object.values(result.document.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  io.out(`Wrote ${values.out}: ${ops} operations on ${Object.keys(result.document.paths).length} paths.\n`);
  return EXIT.ok;
}
