/**
 * `--cookie-jar <file>`: the CLI's cookie jar for one run, read from and written back to a
 * Netscape cookie file, as curl's `--cookie` / `--cookie-jar` do
 * (https://curl.se/docs/http-cookies.html). The file holds session cookies: it is written
 * readable by its owner only.
 */
import * as fs from 'node:fs';
import { CookieJars } from '../request/cookieJar';
import { UsageError } from './io';

/** The jar in `file` (an empty jar when the file does not exist yet). */
export async function loadCookieJar(file: string | undefined): Promise<CookieJars> {
  if (!file) return new CookieJars();
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return new CookieJars();
    throw new UsageError(`cannot read the cookie jar ${file} (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  return CookieJars.fromNetscape(text);
}

export async function saveCookieJar(file: string | undefined, jar: CookieJars): Promise<void> {
  if (!file) return;
  fs.writeFileSync(file, await jar.toNetscape(), { mode: 0o600 });
}
