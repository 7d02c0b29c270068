/**
 * Signing in to an app that uses Auth.js (next-auth v5, and v4's same REST endpoints,
 * https://authjs.dev/reference/core#endpoints / https://next-auth.js.org/getting-started/rest-api):
 * - the credentials provider's fields are read from the code: v5's
 *   `NextAuth({ providers: [Credentials({ credentials: { email: {…}, password: {…} } })] })`
 *   and v4's `authOptions` with `CredentialsProvider({ credentials: {…} })` (the object
 *   `getServerSession(authOptions)` and `NextAuth(authOptions)` take), in any file of the app;
 *   with `credentials: {}` (a custom sign-in page), the fields `authorize(credentials)` reads;
 * - the sign-in is the exchange a browser's form does: GET `<auth>/csrf` (a token, plus the
 *   CSRF cookie), POST `<auth>/callback/<provider>` with the fields and the token; the session
 *   cookie (`authjs.session-token`, v4 `next-auth.session-token`) lands in the cookie jar;
 * - `<auth>/session` then says who is signed in.
 * Nothing here keeps or prints a field's value.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { parseDocument } from '../ast/parse';
import { findDeclaration, getProperty, getPropertyValue, literalValue, unwrap } from '../ast/query';
import { SKIPPED_DIRS } from '../files';
import type { CookieJars } from './cookieJar';
import { joinUrl } from './model';
import { RequestError, sendRequest, type ResponseResult, type SendOptions } from './send';

export interface CredentialField {
  readonly name: string;
  readonly label?: string;
  /** `text`, `email`, `password`… as the provider declares it. */
  readonly type?: string;
}

export interface AuthSetup {
  /** The file that configures the credentials provider (absolute). */
  readonly file: string;
  /** `credentials` unless the provider sets another `id`. */
  readonly providerId: string;
  readonly fields: readonly CredentialField[];
  /** Where Auth.js's routes are mounted, below the app's basePath (default `/api/auth`). */
  readonly authPath: string;
  /** `pages.signIn`, when the config sets a custom sign-in page. */
  readonly signInPage?: string;
}

const CREDENTIALS_MODULES = /^(next-auth|@auth\/core)\/providers\/credentials$/;
const SOURCE = /\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/;

/** The local names a file imports the credentials provider as (`Credentials`, `CredentialsProvider`…). */
function credentialsImports(sf: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    if (!CREDENTIALS_MODULES.test(st.moduleSpecifier.text)) continue;
    const clause = st.importClause;
    if (clause?.name) names.add(clause.name.text);
    if (clause?.namedBindings && ts.isNamedImports(clause.namedBindings))
      for (const el of clause.namedBindings.elements) names.add(el.name.text);
  }
  return names;
}

function fieldsOf(obj: ts.ObjectLiteralExpression): CredentialField[] {
  const fields: CredentialField[] = [];
  for (const prop of obj.properties) {
    if (!ts.isPropertyAssignment(prop) && !ts.isShorthandPropertyAssignment(prop)) continue;
    const name = ts.isIdentifier(prop.name) || ts.isStringLiteral(prop.name) ? prop.name.text : undefined;
    if (!name) continue;
    const spec = ts.isPropertyAssignment(prop) ? unwrap(prop.initializer) : undefined;
    const label =
      spec && ts.isObjectLiteralExpression(spec) ? literalValue(getPropertyValue(spec, 'label')) : undefined;
    const type = spec && ts.isObjectLiteralExpression(spec) ? literalValue(getPropertyValue(spec, 'type')) : undefined;
    fields.push({
      name,
      ...(typeof label === 'string' ? { label } : {}),
      ...(typeof type === 'string' ? { type } : {}),
    });
  }
  return fields;
}

/** An object literal, directly or through a `const` of this file (`credentials: fields`). */
function objectLiteral(expr: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  const e = expr && unwrap(expr);
  if (!e) return undefined;
  if (ts.isObjectLiteralExpression(e)) return e;
  if (!ts.isIdentifier(e)) return undefined;
  const decl = findDeclaration(e.text, e);
  const init = decl && ts.isVariableDeclaration(decl) ? decl.initializer : undefined;
  return init && ts.isObjectLiteralExpression(unwrap(init)) ? (unwrap(init) as ts.ObjectLiteralExpression) : undefined;
}

/** The `authorize(credentials)` function of the provider's options (a method or a function property). */
function authorizeFunction(options: ts.ObjectLiteralExpression): ts.FunctionLikeDeclaration | undefined {
  const prop = getProperty(options, 'authorize');
  if (prop && ts.isMethodDeclaration(prop)) return prop;
  const value = getPropertyValue(options, 'authorize');
  const fn = value && unwrap(value);
  return fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) ? fn : undefined;
}

/**
 * Fields `authorize` reads when the provider declares none (`credentials: {}`, common with a
 * custom sign-in page): `credentials?.email`, `credentials.password`,
 * `const { email, password } = credentials as …`.
 */
function fieldsReadBy(options: ts.ObjectLiteralExpression): CredentialField[] {
  const fn = authorizeFunction(options);
  const param = fn?.parameters[0];
  if (!fn?.body || !param || !ts.isIdentifier(param.name)) return [];
  const name = param.name.text;
  const found = new Set<string>();
  const visit = (n: ts.Node): void => {
    if (
      ts.isPropertyAccessExpression(n) &&
      ts.isIdentifier(unwrap(n.expression)) &&
      (unwrap(n.expression) as ts.Identifier).text === name
    )
      found.add(n.name.text);
    if (ts.isVariableDeclaration(n) && ts.isObjectBindingPattern(n.name) && n.initializer) {
      const from = unwrap(n.initializer);
      if (ts.isIdentifier(from) && from.text === name)
        for (const el of n.name.elements) {
          const key = el.propertyName ?? el.name;
          if (ts.isIdentifier(key)) found.add(key.text);
        }
    }
    ts.forEachChild(n, visit);
  };
  visit(fn.body);
  return [...found].map((field) => ({ name: field, ...(/pass/i.test(field) ? { type: 'password' } : {}) }));
}

/** The provider's fields: its `credentials` object, else what its `authorize` reads. */
function providerFields(options: ts.ObjectLiteralExpression): CredentialField[] {
  const declared = objectLiteral(getPropertyValue(options, 'credentials'));
  const fields = declared ? fieldsOf(declared) : [];
  return fields.length ? fields : fieldsReadBy(options);
}

/** A string property of the NextAuth config object around the provider (`basePath`, `pages.signIn`). */
function configString(call: ts.CallExpression, key: 'basePath' | 'signIn'): string | undefined {
  for (let n: ts.Node | undefined = call.parent; n; n = n.parent) {
    if (!ts.isObjectLiteralExpression(n)) continue;
    if (key === 'basePath') {
      const v = literalValue(getPropertyValue(n, 'basePath'));
      if (typeof v === 'string') return v;
    } else {
      const pages = getPropertyValue(n, 'pages');
      if (pages && ts.isObjectLiteralExpression(unwrap(pages))) {
        const v = literalValue(getPropertyValue(unwrap(pages) as ts.ObjectLiteralExpression, 'signIn'));
        if (typeof v === 'string') return v;
      }
    }
  }
  return undefined;
}

/** The credentials provider configured in one source file, if any. */
export function credentialsProviderIn(file: string, text: string): AuthSetup | undefined {
  if (!text.includes('credentials')) return undefined;
  const sf = parseDocument(file, text).sourceFile;
  const names = credentialsImports(sf);
  if (!names.size) return undefined;
  let found: AuthSetup | undefined;
  const visit = (n: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(n) && ts.isIdentifier(unwrap(n.expression))) {
      const callee = unwrap(n.expression) as ts.Identifier;
      const arg = n.arguments[0] && unwrap(n.arguments[0]);
      if (names.has(callee.text) && arg && ts.isObjectLiteralExpression(arg)) {
        const id = literalValue(getPropertyValue(arg, 'id'));
        const signInPage = configString(n, 'signIn');
        found = {
          file,
          providerId: typeof id === 'string' ? id : 'credentials',
          fields: providerFields(arg),
          authPath: (configString(n, 'basePath') ?? '/api/auth').replace(/\/+$/, ''),
          ...(signInPage ? { signInPage } : {}),
        };
        return;
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

/** Source files below `root` that mention next-auth (bounded; dependencies and build output skipped). */
function authCandidates(root: string, limit = 4000): string[] {
  const out: string[] = [];
  let seen = 0;
  const walk = (dir: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (++seen > limit) return;
      const full = path.join(dir, e.name);
      if (e.isDirectory() && !SKIPPED_DIRS.has(e.name) && e.name !== 'out' && e.name !== 'dist') walk(full);
      else if (e.isFile() && SOURCE.test(e.name) && !e.name.endsWith('.d.ts')) out.push(full);
    }
  };
  walk(root);
  return out;
}

/** The app's Auth.js credentials provider, found in its source files (undefined when it has none). */
export function findAuthSetup(root: string): AuthSetup | undefined {
  for (const file of authCandidates(root)) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    if (!/next-auth|@auth\/core/.test(text)) continue;
    const setup = credentialsProviderIn(file, text);
    if (setup) return setup;
  }
  return undefined;
}

/** Whether the app uses Auth.js at all (any provider): a dependency on next-auth or @auth/core. */
export function usesAuthJs(packageJsonText: string | undefined): boolean {
  return !!packageJsonText && /"(next-auth|@auth\/nextjs|@auth\/core)"\s*:/.test(packageJsonText);
}

export interface SignInResult {
  readonly ok: boolean;
  /** One sentence for the user (never a field's value). */
  readonly message: string;
  /** Who `<auth>/session` says is signed in. */
  readonly user?: string;
  /** Names of the cookies the exchange stored. */
  readonly cookies: readonly string[];
}

export interface SignInOptions {
  /** The app's URL with its basePath, e.g. `http://localhost:3000` or `http://localhost:3000/kit`. */
  readonly appUrl: string;
  readonly setup: Pick<AuthSetup, 'providerId' | 'authPath'>;
  /** Field name → value, as typed by the user. */
  readonly values: Readonly<Record<string, string>>;
  readonly jar: CookieJars;
  readonly send?: Pick<SendOptions, 'timeoutMs' | 'signal' | 'isTrusted' | 'dispatcher'>;
}

function bodyText(r: ResponseResult): string {
  return r.body.kind === 'text' ? r.body.text : '';
}

async function csrfToken(base: string, options: SignInOptions): Promise<string> {
  const url = `${base}/csrf`;
  const r = await sendRequest({ method: 'GET', url, headers: [] }, { ...options.send, cookieJar: options.jar });
  let token: unknown;
  try {
    token = (JSON.parse(bodyText(r)) as { csrfToken?: unknown }).csrfToken;
  } catch {
    token = undefined;
  }
  if (r.status !== 200 || typeof token !== 'string')
    throw new RequestError(
      'other',
      `No Auth.js CSRF token at ${url} (${r.status} ${r.statusText}).`,
      url,
      'Check that the app mounts Auth.js there (app/api/auth/[...nextauth]/route.ts exporting handlers) and that next dev is running.',
    );
  return token;
}

/** Whom `<auth>/session` reports, if anyone. */
async function sessionUser(base: string, options: SignInOptions): Promise<string | undefined> {
  const r = await sendRequest(
    { method: 'GET', url: `${base}/session`, headers: [] },
    { ...options.send, cookieJar: options.jar },
  );
  try {
    const user = (JSON.parse(bodyText(r)) as { user?: { email?: string; name?: string } } | null)?.user;
    return user ? (user.email ?? user.name ?? 'a user') : undefined;
  } catch {
    return undefined;
  }
}

/** Signs in with the credentials provider, as the browser form would. Throws RequestError when the server does not answer. */
export async function signInWithCredentials(options: SignInOptions): Promise<SignInResult> {
  const base = joinUrl(options.appUrl, options.setup.authPath);
  const token = await csrfToken(base, options);
  const form = new URLSearchParams({ ...options.values, csrfToken: token, callbackUrl: options.appUrl });
  const r = await sendRequest(
    {
      method: 'POST',
      url: `${base}/callback/${encodeURIComponent(options.setup.providerId)}`,
      headers: [['Content-Type', 'application/x-www-form-urlencoded']],
      body: form.toString(),
    },
    { ...options.send, cookieJar: options.jar, followRedirects: false },
  );
  const stored = r.cookies?.stored ?? [];
  const location = r.headers.find(([k]) => k.toLowerCase() === 'location')?.[1] ?? '';
  const error = /[?&]error=([^&]+)/.exec(location)?.[1];
  const user = error ? undefined : await sessionUser(base, options);
  if (user) return { ok: true, message: `Signed in as ${user}.`, user, cookies: stored };
  const reason =
    error === 'CredentialsSignin'
      ? 'the app refused these credentials (CredentialsSignin)'
      : error
        ? `Auth.js answered error=${decodeURIComponent(error)}`
        : `${r.status} ${r.statusText} and no session`;
  return { ok: false, message: `Sign-in failed: ${reason}.`, cookies: stored };
}
