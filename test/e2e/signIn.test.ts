/**
 * Sign In (Auth.js)… in real VS Code (code-server in Debian's Chromium) on a copy of the
 * next-auth v5 fixture app (test/fixtures/auth-app) served by `next dev`, through a loopback
 * proxy that records the cookies crossing it: a route that proxy.ts protects redirects to
 * /login, the credentials typed in the prompts sign in, the same ▶ Send then answers 200 beside
 * the code — and neither the session cookie nor the password is left in a log, a setting or an
 * exported .http file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadAppEnv } from '../../src/core/request/appEnv';
import { AUTH_APP } from '../support/nextDev';
import { startRecordingProxy, type RecordingProxy } from './support/recordingProxy';
import { useWorkbench } from './support/suite';

/** A variable of the fixture's env files, as next dev reads them (`.env.local` over `.env`). */
function appEnv(name: string): string {
  const value = loadAppEnv(AUTH_APP, {}).dotenv(name);
  assert.ok(value, `${name} in the fixture's env files`);
  return value;
}

/** Every file below `dir` (its path and text), except the app's own env files and build output. */
function filesBelow(dir: string): Array<[string, string]> {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry): Array<[string, string]> => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return /^(\.next|node_modules)$/.test(entry.name) ? [] : filesBelow(full);
    if (!entry.isFile() || /^\.env/.test(entry.name)) return [];
    return [[full, fs.readFileSync(full).toString('latin1')]];
  });
}

/** Fails naming each secret found in `text` (secrets are given by name, so a failure never prints one). */
function assertNoSecret(where: string, text: string, secrets: Record<string, string>): void {
  const found = Object.entries(secrets)
    .filter(([, value]) => text.includes(value))
    .map(([name]) => name);
  assert.deepEqual(found, [], `${where} holds ${found.join(', ')}`);
}

describe('VS Code end to end: Sign In (Auth.js) on the next-auth fixture app', function () {
  let proxy: RecordingProxy | undefined;
  const { server, open, logs, scenario } = useWorkbench({
    fixture: AUTH_APP,
    baseUrlFor: async (devOrigin) => (proxy = await startRecordingProxy(devOrigin)).origin,
  });
  after(async () => proxy?.close());

  it(
    'signs in with the credentials typed, ▶ Send on a route proxy.ts protects answers 200 beside the code, and the cookie and password are in no log, setting or export',
    scenario(async () => {
      const email = appEnv('DEMO_EMAIL');
      const password = appEnv('DEMO_PASSWORD');
      const w = await open('app/api/admin/stats/route.ts');
      const send = w.lens('▶ Send GET /api/admin/stats');

      // Signed out, proxy.ts redirects to the sign-in page, and the editor says so.
      await send.click();
      await w.notification(/Redirected to the sign-in page \/login/).waitFor({ timeout: 120_000 });
      assert.equal(proxy!.exchanges.find((x) => x.path === '/api/admin/stats')?.status, 307);

      await w.command('Next Route Kit: Sign In (Auth.js)…');
      const first = await w.answerInput(email);
      assert.equal(first.title, 'Sign in (Auth.js): Email');
      await w.page.locator('.quick-input-widget input[type="password"]').waitFor();
      const second = await w.answerInput(password);
      assert.equal(second.title, 'Sign in (Auth.js): Password');
      await w.notification(/now send the session cookie/).waitFor({ timeout: 120_000 });
      await w.statusItem(/cookies? for 127\.0\.0\.1/).waitFor();

      await send.click();
      const response = await w.waitForEditorText('Response', /HTTP\/1\.1 200 OK/, 120_000);
      assert.match(response, new RegExp(`"signedInAs": ?"${email.replace(/\./g, '\\.')}"`));
      // Beside the code: the response has an editor group of its own, the route file stays open in the other.
      await w.editorGroup('Response').waitFor();
      await w.editorGroup('route.ts').waitFor();
      assert.equal(await w.page.locator('.editor-group-container').count(), 2);

      // The session cookie Auth.js set is the one the 200 request carried.
      const sessions = proxy!.setCookies.filter((c) => c.name === 'authjs.session-token').map((c) => c.value);
      assert.ok(sessions.length, `Set-Cookie seen: ${proxy!.setCookies.map((c) => c.name).join(', ')}`);
      const authorised = proxy!.exchanges.filter((x) => x.path === '/api/admin/stats').at(-1)!;
      assert.equal(authorised.status, 200);
      assert.ok(sessions.some((value) => authorised.cookie?.includes(`authjs.session-token=${value}`)));

      // Export Routes as .http, saved to a file as a user would.
      await w.command('Next Route Kit: Export Routes as .http');
      await w.pickQuickPickItem('Every route in the workspace');
      const exported = path.join(server().workspace, 'routes.http');
      await w.answerSaveDialog(exported, 'Export routes as .http', /routes\.http$/);
      await w.waitForActiveEditorText(/###/);
      const exportText = fs.readFileSync(exported, 'utf8');
      assert.match(exportText, /GET \{\{baseUrl\}\}\/api\/admin\/stats/);
      // The environment file written beside it names local's server; the scan below finds no secret in it.
      const envFile = fs.readFileSync(path.join(server().workspace, 'http-client.env.json'), 'utf8');
      assert.match(envFile, /"local":\s*\{[^}]*"baseUrl": "http:\/\/127\.0\.0\.1:\d+"/);

      // Neither the password nor a cookie value the app set (the session token, the CSRF token…) is anywhere.
      const secrets: Record<string, string> = { password };
      proxy!.setCookies.forEach(
        ({ name, value }, i) => value.length >= 16 && (secrets[`cookie ${name} #${i}`] = value),
      );
      const logged = logs();
      // The logs read are the ones where the sign-in and the sends were told.
      assert.match(logged, /Sign in \(Auth\.js\) at http:\/\/127\.0\.0\.1:\d+ \(local\): Signed in/);
      assert.match(logged, /← 200 OK/);
      assertNoSecret(
        'the logs (Output channel, extension host, code-server, next dev, browser console)',
        logged,
        secrets,
      );
      const userSettings = path.join(server().userDataDir, 'User', 'settings.json');
      assert.match(fs.readFileSync(userSettings, 'utf8'), /nextRouteKit\.request\.baseUrl/);
      assertNoSecret('the user settings', fs.readFileSync(userSettings, 'utf8'), secrets);
      const workspaceSettings = path.join(server().workspace, '.vscode', 'settings.json');
      if (fs.existsSync(workspaceSettings))
        assertNoSecret('the workspace settings', fs.readFileSync(workspaceSettings, 'utf8'), secrets);
      assertNoSecret('the exported .http file', exportText, secrets);
      // Nor any other file the editor wrote: its user data (logs, state, storage) and the workspace.
      const written = [...filesBelow(server().userDataDir), ...filesBelow(server().workspace)];
      assert.ok(written.some(([file]) => file === exported) && written.some(([file]) => file === userSettings));
      for (const [file, text] of written) assertNoSecret(file, text, secrets);
    }),
    // next dev compiles proxy.ts, the route and Auth.js's callback on first use: slow on a busy machine.
  ).timeout(300_000);
});
