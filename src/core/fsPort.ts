/** The file system as the route model sees it: small, synchronous, easy to fake. No parser here. */
import * as nodeFs from 'node:fs';

export interface FsPort {
  readFile(file: string): string | undefined;
  isDirectory(dir: string): boolean;
  isFile(file: string): boolean;
  /** Size and modification time, for caches that re-read a file when it changes (optional in fakes). */
  stat?(file: string): { readonly size: number; readonly mtimeMs: number } | undefined;
}

export const nodeFsPort: FsPort = {
  readFile(file) {
    try {
      return nodeFs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  // Most of these checks miss (finding a project root tries six names per folder): no exception then.
  isDirectory(dir) {
    try {
      return nodeFs.statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false;
    } catch {
      return false;
    }
  },
  isFile(file) {
    try {
      return nodeFs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
    } catch {
      return false;
    }
  },
  stat(file) {
    try {
      const st = nodeFs.statSync(file);
      return st.isFile() ? { size: st.size, mtimeMs: st.mtimeMs } : undefined;
    } catch {
      return undefined;
    }
  },
};
