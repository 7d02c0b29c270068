import * as vscode from 'vscode';
import { DISPLAY_NAME } from '../constants';

/** The extension's log: Output ▸ Next Route Kit. */
export function createOutput(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel(DISPLAY_NAME, { log: true });
}
