/** Throwaway project folders for tests that need files on disk (removed after the test). */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export function tempProject(files: Record<string, string | Buffer>): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nrk-'));
  for (const [rel, content] of Object.entries(files)) {
    const target = path.join(dir, rel);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
  }
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
