/**
 * A browser-like cookie jar for sent requests, on `tough-cookie` (RFC 6265 semantics: Domain,
 * Path, Expires/Max-Age, Secure, HttpOnly, SameSite). On top of it:
 * - one jar per origin (scheme, host, port): a cookie is only ever sent back to the origin
 *   whose response set it, never to another port or host, even one its Domain would match;
 * - loopback is a secure context, as in browsers: a `Secure` cookie from http://localhost
 *   is kept and resent (https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy);
 * - bounded: at most `maxPerOrigin` cookies per origin (the least recently used go first),
 *   `maxOrigins` origins, and no cookie over 4096 bytes (the limit browsers keep,
 *   https://datatracker.ietf.org/doc/html/rfc6265#section-6.1);
 * - serialisable to JSON (for the editor's SecretStorage) and to/from the Netscape cookie
 *   file format curl reads and writes with `--cookie-jar`
 *   (https://curl.se/docs/http-cookies.html).
 */
import { Cookie, CookieJar, type SerializedCookieJar } from 'tough-cookie';

export const MAX_COOKIE_BYTES = 4096;

export interface JarLimits {
  /** Cookies kept per origin (default 180, Chrome's per-domain limit). */
  readonly maxPerOrigin?: number;
  /** Origins kept (default 50); the least recently used origin's cookies go first. */
  readonly maxOrigins?: number;
}

export interface StoreOutcome {
  /** Names of the cookies stored (or updated, or deleted by an expiry in the past). */
  readonly stored: readonly string[];
  /** One sentence per refused cookie (another domain, too large, malformed…), without values. */
  readonly refused: readonly string[];
  /** Cookies dropped to stay within the limits. */
  readonly evicted: number;
}

/** A cookie as shown to the user: never its value. */
export interface CookieSummary {
  readonly name: string;
  readonly domain: string;
  readonly path: string;
  readonly expires?: Date;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  readonly sameSite?: string;
}

/** What the send flow needs from a jar. */
export interface CookieStore {
  /** The `Cookie` header value for a request to `url` ('' or undefined when none). */
  cookieHeader(url: string): Promise<string | undefined>;
  /** Stores the `Set-Cookie` headers of a response from `url`. */
  store(url: string, setCookies: readonly string[]): Promise<StoreOutcome | void>;
}

interface SerializedJars {
  readonly version: 1;
  readonly origins: Record<string, SerializedCookieJar>;
}

function originOf(url: string): string {
  return new URL(url).origin;
}

function newJar(): CookieJar {
  // Loopback hosts are potentially trustworthy: Secure cookies are stored and resent over http.
  return new CookieJar(undefined, { allowSecureOnLocal: true, rejectPublicSuffixes: true, looseMode: false });
}

/** Our requests go straight to the origin the user chose: a same-site context, as a top-level navigation. */
const SAME_SITE = 'strict' as const;

function cookieName(header: string): string {
  const eq = header.indexOf('=');
  const semi = header.indexOf(';');
  const end = eq >= 0 && (semi < 0 || eq < semi) ? eq : semi >= 0 ? semi : header.length;
  return header.slice(0, end).trim() || '(unnamed)';
}

function refusalReason(e: unknown, header: string): string {
  const message = (e as Error).message ?? String(e);
  const domain = /;\s*domain\s*=\s*([^;]+)/i.exec(header)?.[1]?.trim();
  if (/domain/i.test(message) && domain) return `Domain=${domain} is not this server's domain`;
  if (/public suffix/i.test(message)) return `Domain=${domain ?? '?'} is a public suffix`;
  if (/secure/i.test(message)) return 'Secure cookie from an insecure origin';
  return message.replace(/[\r\n]+/g, ' ');
}

export class CookieJars implements CookieStore {
  private readonly jars = new Map<string, CookieJar>();
  /** Cookies read from a Netscape file (host-scoped, no port): copied into an origin's jar when it is first used. */
  private readonly pool: NetscapeCookie[] = [];
  private readonly imported = new Set<string>();
  private readonly maxPerOrigin: number;
  private readonly maxOrigins: number;

  constructor(limits: JarLimits = {}) {
    this.maxPerOrigin = limits.maxPerOrigin ?? 180;
    this.maxOrigins = limits.maxOrigins ?? 50;
  }

  private jarFor(origin: string, create: true): CookieJar;
  private jarFor(origin: string, create: false): CookieJar | undefined;
  private jarFor(origin: string, create: boolean): CookieJar | undefined {
    let jar = this.jars.get(origin);
    if (jar) {
      // Map order is recency order: the least recently used origin comes first.
      this.jars.delete(origin);
      this.jars.set(origin, jar);
    } else if (create) {
      jar = newJar();
      this.jars.set(origin, jar);
      while (this.jars.size > this.maxOrigins) this.jars.delete(this.jars.keys().next().value!);
    }
    return jar;
  }

  /** Copies the file's cookies for this origin's host into its jar, once. */
  private async importFor(origin: string): Promise<void> {
    if (!this.pool.length || this.imported.has(origin)) return;
    this.imported.add(origin);
    const u = new URL(origin);
    const matching = this.pool.filter((c) => hostMatches(u.hostname, c));
    if (!matching.length) return;
    const jar = this.jarFor(origin, true);
    for (const c of matching) await jar.store.putCookie(c.cookie.clone()!);
    await this.evict(jar);
  }

  async cookieHeader(url: string): Promise<string> {
    await this.importFor(originOf(url));
    const jar = this.jarFor(originOf(url), false);
    if (!jar) return '';
    return jar.getCookieString(url, { http: true, sameSiteContext: SAME_SITE });
  }

  async store(url: string, setCookies: readonly string[]): Promise<StoreOutcome> {
    if (!setCookies.length) return { stored: [], refused: [], evicted: 0 };
    await this.importFor(originOf(url));
    const jar = this.jarFor(originOf(url), true);
    const stored: string[] = [];
    const refused: string[] = [];
    for (const header of setCookies) {
      const name = cookieName(header);
      if (Buffer.byteLength(header.split(';')[0] ?? '') > MAX_COOKIE_BYTES) {
        refused.push(`${name}: larger than ${MAX_COOKIE_BYTES} bytes`);
        continue;
      }
      try {
        const cookie = await jar.setCookie(header, url, { http: true, sameSiteContext: SAME_SITE, ignoreError: false });
        if (cookie) stored.push(name);
        else refused.push(`${name}: not a valid Set-Cookie header`);
      } catch (e) {
        refused.push(`${name}: ${refusalReason(e, header)}`);
      }
    }
    const evicted = await this.evict(jar);
    return { stored: [...new Set(stored)], refused, evicted };
  }

  /** Keeps at most `maxPerOrigin` cookies: expired ones and then the least recently used go. */
  private async evict(jar: CookieJar): Promise<number> {
    const all = await jar.store.getAllCookies();
    if (all.length <= this.maxPerOrigin) return 0;
    const now = Date.now();
    const time = (d: Date | 'Infinity' | null | undefined): number => (d instanceof Date ? d.valueOf() : 0);
    const rank = (c: Cookie): number => (c.TTL(now) <= 0 ? -1 : Math.max(time(c.lastAccessed), time(c.creation)));
    const victims = [...all].sort((a, b) => rank(a) - rank(b)).slice(0, all.length - this.maxPerOrigin);
    for (const c of victims) await jar.store.removeCookie(c.domain, c.path, c.key);
    return victims.length;
  }

  /** The cookies that would be sent to `url`'s origin (any path), without values. */
  async list(url: string): Promise<CookieSummary[]> {
    await this.importFor(originOf(url));
    const jar = this.jarFor(originOf(url), false);
    if (!jar) return [];
    const all = await jar.store.getAllCookies();
    const now = Date.now();
    return all.filter((c) => c.TTL(now) > 0).map(summarize);
  }

  /** Origins that hold at least one cookie. */
  async origins(): Promise<string[]> {
    const out: string[] = [];
    for (const [origin, jar] of this.jars) if ((await jar.store.getAllCookies()).length) out.push(origin);
    return out;
  }

  async count(url: string): Promise<number> {
    return (await this.list(url)).length;
  }

  /** Forgets the cookies of one origin, or of all. */
  clear(url?: string): void {
    if (url === undefined) {
      this.jars.clear();
      this.pool.length = 0;
    } else {
      this.jars.delete(originOf(url));
      this.imported.add(originOf(url));
    }
  }

  /** JSON for SecretStorage: holds cookie values, so it goes nowhere else. */
  async serialize(): Promise<string> {
    const origins: Record<string, SerializedCookieJar> = {};
    for (const [origin, jar] of this.jars) origins[origin] = await jar.serialize();
    const data: SerializedJars = { version: 1, origins };
    return JSON.stringify(data);
  }

  /** A jar from `serialize()`'s JSON; anything unreadable gives an empty jar (never throws). */
  static async deserialize(json: string | undefined, limits?: JarLimits): Promise<CookieJars> {
    const jars = new CookieJars(limits);
    if (!json) return jars;
    try {
      const data = JSON.parse(json) as SerializedJars;
      if (data?.version !== 1 || typeof data.origins !== 'object') return jars;
      for (const [origin, serialized] of Object.entries(data.origins)) {
        const jar = jars.jarFor(origin, true);
        for (const c of serialized.cookies ?? []) {
          const cookie = Cookie.fromJSON(c);
          if (cookie?.domain && cookie.path) await jar.store.putCookie(cookie);
        }
        await jars.evict(jar);
      }
    } catch {
      /* an unreadable jar is an empty one */
    }
    return jars;
  }

  /** The Netscape cookie file curl writes (`#HttpOnly_` prefix for HttpOnly cookies). */
  async toNetscape(): Promise<string> {
    const lines = [
      '# Netscape HTTP Cookie File',
      '# Written by next-route-kit. It holds session cookies: keep it private.',
      '',
    ];
    const seen = new Set<string>();
    const add = (c: Cookie): void => {
      const line = netscapeLine(c);
      if (line && !seen.has(line)) lines.push(line);
      seen.add(line ?? '');
    };
    // A host's cookies as this run left them: jars first, then file cookies of hosts not used.
    const written = new Set<string>();
    for (const jar of this.jars.values()) {
      for (const c of await jar.store.getAllCookies()) {
        add(c);
        written.add(`${c.domain}\t${c.path}\t${c.key}`);
      }
    }
    for (const origin of this.imported) written.add(`host:${new URL(origin).hostname}`);
    for (const p of this.pool) {
      const key = `${p.cookie.domain}\t${p.cookie.path}\t${p.cookie.key}`;
      if (!written.has(key) && !written.has(`host:${p.host}`)) add(p.cookie);
    }
    return lines.join('\n') + '\n';
  }

  /**
   * Reads a Netscape cookie file (curl's `--cookie-jar`). The file has hosts, not origins
   * (no scheme or port): a cookie goes into the jar of each origin whose host it
   * domain-matches, as curl would send it, when that origin is first used.
   */
  static async fromNetscape(text: string, limits?: JarLimits): Promise<CookieJars> {
    const jars = new CookieJars(limits);
    for (const raw of text.split(/\r?\n/)) {
      const parsed = parseNetscapeLine(raw);
      if (parsed) jars.pool.push(parsed);
    }
    jars.pool.splice(0, Math.max(0, jars.pool.length - jars.maxPerOrigin * jars.maxOrigins));
    return jars;
  }
}

function summarize(c: Cookie): CookieSummary {
  const expires = c.expiryDate();
  return {
    name: c.key,
    domain: c.domain ?? '',
    path: c.path ?? '/',
    ...(expires && c.expires !== 'Infinity' ? { expires } : {}),
    secure: c.secure,
    httpOnly: c.httpOnly,
    ...(c.sameSite && c.sameSite !== 'none' ? { sameSite: c.sameSite } : {}),
  };
}

function netscapeLine(c: Cookie): string | undefined {
  if (!c.domain || /[\t\r\n]/.test(c.key + c.value)) return undefined;
  const expiry = c.expiryTime();
  const domain = c.hostOnly ? c.domain : `.${c.domain}`;
  return [
    (c.httpOnly ? '#HttpOnly_' : '') + domain,
    c.hostOnly ? 'FALSE' : 'TRUE',
    c.path ?? '/',
    c.secure ? 'TRUE' : 'FALSE',
    expiry === undefined || !Number.isFinite(expiry) ? '0' : String(Math.floor(expiry / 1000)),
    c.key,
    c.value,
  ].join('\t');
}

interface NetscapeCookie {
  readonly host: string;
  readonly includeSubdomains: boolean;
  readonly secure: boolean;
  readonly cookie: Cookie;
}

function parseNetscapeLine(raw: string): NetscapeCookie | undefined {
  let line = raw.trim();
  let httpOnly = false;
  if (line.startsWith('#HttpOnly_')) {
    httpOnly = true;
    line = line.slice('#HttpOnly_'.length);
  } else if (line === '' || line.startsWith('#')) return undefined;
  const f = line.split('\t');
  if (f.length < 7) return undefined;
  const [domainField, sub, path, secure, expiry, key] = f as [string, string, string, string, string, string];
  const value = f.slice(6).join('\t');
  const host = domainField.replace(/^\./, '').toLowerCase();
  const seconds = Number(expiry);
  if (!host || !key || !Number.isFinite(seconds)) return undefined;
  const expires = seconds > 0 ? new Date(seconds * 1000) : 'Infinity';
  if (expires !== 'Infinity' && expires.valueOf() <= Date.now()) return undefined;
  const includeSubdomains = sub.toUpperCase() === 'TRUE' || domainField.startsWith('.');
  const cookie = new Cookie({
    key,
    value,
    domain: host,
    path: path || '/',
    secure: secure.toUpperCase() === 'TRUE',
    httpOnly,
    hostOnly: !includeSubdomains,
    expires,
  });
  return { host, includeSubdomains, secure: cookie.secure, cookie };
}

function hostMatches(hostname: string, c: NetscapeCookie): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === c.host || (c.includeSubdomains && h.endsWith(`.${c.host}`));
}

/** "2 cookies for localhost:3000". */
export function describeJar(count: number, url: string): string {
  return `${count} cookie${count === 1 ? '' : 's'} for ${new URL(url).host}`;
}
