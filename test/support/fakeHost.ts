/**
 * A host of the send flow for tests: answers from fields instead of prompts, and records what
 * the flow asked and told it. The flow under it is the real one, sending to real servers.
 */
import type { ProjectLayout } from '../../src/core/nextjs/project';
import type { RouteParam } from '../../src/core/nextjs/routePath';
import type { BaseUrlCandidate } from '../../src/core/request/baseUrl';
import type * as Run from '../../src/core/request/run';
import type { RequestError } from '../../src/core/request/send';

export const FAKE_WORDS: Run.KnobWords = {
  baseUrl: '[set the base URL here]',
  timeout: '[raise the timeout here]',
  followRedirects: '[stop following redirects here]',
};

export class FakeHost implements Run.RequestHost {
  readonly words = FAKE_WORDS;
  // What the host answers.
  trusted = true;
  params: Record<string, string> = {};
  /** Values askParams gives; undefined: the user cancels the prompt. */
  paramAnswers: Record<string, string> | undefined = {};
  secrets: Record<string, string> = {};
  confirm = true;
  /** What noServer returns (a base URL to use instead, or undefined to stop). */
  serverInstead: string | undefined;
  /** Cancel the send: right away, or once the first streamed chunk arrived. */
  cancel: 'never' | 'at-once' | 'after-first-chunk' = 'never';
  tokenMissing?: (request: Run.RequestLabel) => Promise<boolean>;
  // What the flow did.
  readonly askedParams: RouteParam[][] = [];
  readonly askedSecrets: Run.VariableRef[] = [];
  readonly confirmedOrigins: string[] = [];
  readonly noServerCandidates: BaseUrlCandidate[][] = [];
  readonly notices: Run.RunNotice[] = [];
  /** Progress titles and messages, in order. */
  readonly progressLog: string[] = [];
  readonly streamed: string[] = [];
  readonly responses: Run.SentResponse[] = [];
  readonly failures: Array<{ error: RequestError; hint: string | undefined }> = [];
  private controller: AbortController | undefined;

  isTrusted(): boolean {
    return this.trusted;
  }

  knownParams(): Readonly<Record<string, string>> {
    return this.params;
  }

  async askParams(missing: readonly RouteParam[]): Promise<Record<string, string> | undefined> {
    this.askedParams.push([...missing]);
    return this.paramAnswers;
  }

  async noServer(
    candidates: readonly BaseUrlCandidate[],
    _layout: ProjectLayout | undefined,
  ): Promise<string | undefined> {
    this.noServerCandidates.push([...candidates]);
    return this.serverInstead;
  }

  async secret(ref: Run.VariableRef): Promise<string | undefined> {
    this.askedSecrets.push(ref);
    return this.secrets[ref.variable];
  }

  async confirmOrigin(origin: string): Promise<boolean> {
    this.confirmedOrigins.push(origin);
    return this.confirm;
  }

  notice(notice: Run.RunNotice): void {
    this.notices.push(notice);
  }

  async progress<T>(title: string, work: Run.ProgressWork<T>): Promise<T> {
    this.controller = new AbortController();
    this.progressLog.push(title);
    if (this.cancel === 'at-once') setImmediate(() => this.controller!.abort());
    return work((message) => this.progressLog.push(message), this.controller.signal);
  }

  streamStarted(headText: string): void {
    this.streamed.push(headText);
  }

  streamChunk(text: string): void {
    this.streamed.push(text);
    if (this.cancel === 'after-first-chunk') this.controller?.abort();
  }

  async onResponse(response: Run.SentResponse): Promise<void> {
    this.responses.push(response);
  }

  async onFailure(error: RequestError, hint: string | undefined): Promise<void> {
    this.failures.push({ error, hint });
  }
}
