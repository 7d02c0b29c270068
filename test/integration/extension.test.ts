/**
 * Smoke tests in VS Code's own extension host (desktop VS Code via @vscode/test-electron), with
 * the fixture app as the workspace: the extension activates by itself and registers its commands.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS, EXTENSION_ID } from '../../src/constants';

/** Polls `condition` until it holds or `timeoutMs` passes (activation is asynchronous). */
async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('Next Route Kit in the extension host', () => {
  it('activates by itself in a workspace with next.config.mjs', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed in the test instance`);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(
      folder && (await vscode.workspace.findFiles('next.config.mjs')).length === 1,
      'the fixture app is the workspace',
    );
    await until(() => extension.isActive, 'the extension to activate (workspaceContains:next.config.mjs)');
  });

  it('registers the Show Routes command and every command of its table', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.ok(registered.has('nextRouteKit.showRoutes'));
    const missing = Object.keys(COMMANDS).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], 'commands without a handler');
  });
});
