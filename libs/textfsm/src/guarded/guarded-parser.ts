import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { TextFsmError } from '../textfsm-error';
import type { TextFsmRecord } from '../templates/to-records';
import type { ParserReply, ParserRequest, ParserWorkerData } from './parser-messages';

export interface GuardedParserOptions {
  /** Template folders in search order, as TemplateLibrary.open takes them. */
  readonly folders: readonly string[];
  /** How long one parse may take before it is called a runaway and its thread is stopped. */
  readonly deadlineMs: number;
}

/** A parse of device output takes milliseconds; this is thousands of times that. */
export const DEFAULT_PARSE_DEADLINE_MS = 10_000;

interface Pending {
  readonly request: ParserRequest;
  readonly resolve: (records: TextFsmRecord[]) => void;
  readonly reject: (error: Error) => void;
}

/**
 * TemplateLibrary.parse on a thread of its own, with a deadline. V8 runs most patterns in linear time when they
 * backtrack too much (python-regex.ts), but not those with lookaround or backreferences (23 of ntc-templates', and any
 * in a user's folder): on such a pattern, input can make one match take for ever, which on the caller's thread would
 * stop everything else the process does. Here the thread is stopped at the deadline, the parse fails with
 * TEXTFSM_RUNAWAY naming the template, the rule's line and the input line, and a fresh thread takes the next request.
 * Requests go one at a time, in order.
 */
export class GuardedParser {
  private worker: Worker | null = null;
  private position = new SharedArrayBuffer(8);
  private readonly queue: Pending[] = [];
  private current: { readonly pending: Pending; readonly timer: NodeJS.Timeout; template: string | null } | null = null;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: GuardedParserOptions) {}

  parse(platform: string, command: string, output: string): Promise<TextFsmRecord[]> {
    if (this.closed) return Promise.reject(new Error('The parser is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, platform, command, output }, resolve, reject });
      this.sendNext();
    });
  }

  /** Stops the thread; requests not yet answered fail. */
  async close(): Promise<void> {
    this.closed = true;
    const waiting = [...(this.current ? [this.current.pending] : []), ...this.queue.splice(0)];
    if (this.current) clearTimeout(this.current.timer);
    this.current = null;
    for (const pending of waiting) pending.reject(new Error('The parser was closed before it answered'));
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private sendNext(): void {
    if (this.current || this.queue.length === 0) return;
    const pending = this.queue.shift()!;
    const worker = this.started();
    new Int32Array(this.position).fill(0);
    const timer = setTimeout(() => this.runaway(), this.options.deadlineMs);
    this.current = { pending, timer, template: null };
    worker.postMessage(pending.request);
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const workerData: ParserWorkerData = { folders: this.options.folders, position: this.position };
    const worker = new Worker(WORKER_FILE, { workerData });
    // Idle, the thread does not keep the process alive.
    worker.unref();
    worker.on('message', (reply: ParserReply) => this.answer(reply));
    worker.on('error', (error) => this.failCurrent(error));
    worker.on('exit', () => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.failCurrent(new Error('The parser thread stopped'));
    });
    this.worker = worker;
    return worker;
  }

  private answer(reply: ParserReply): void {
    const current = this.current;
    if (!current || current.pending.request.id !== reply.id) return;
    if (reply.kind === 'template') {
      current.template = reply.name;
      return;
    }
    this.finish();
    if (reply.kind === 'records') current.pending.resolve(reply.records);
    else current.pending.reject(reply.code ? new TextFsmError(reply.code, reply.message, reply.where) : new Error(reply.message));
  }

  private runaway(): void {
    const current = this.current;
    if (!current) return;
    const [inputLine, templateLine] = new Int32Array(this.position);
    const template = current.template ?? `the template for ${current.pending.request.platform} "${current.pending.request.command}"`;
    const where = templateLine > 0 ? `the rule on template line ${templateLine} was still matching input line ${inputLine}` : 'it had not started';
    // The thread is stopped, not waited for: a match that runs away never returns to its event loop.
    const worker = this.worker;
    this.worker = null;
    this.position = new SharedArrayBuffer(8);
    void worker?.terminate();
    this.finish();
    current.pending.reject(
      new TextFsmError('TEXTFSM_RUNAWAY', `${template}: no result after ${this.options.deadlineMs} ms (${where}): a regular expression that backtracks without end on this input`, {
        template,
        ...(templateLine > 0 ? { templateLine, inputLine } : {}),
      }),
    );
  }

  private failCurrent(error: Error): void {
    const current = this.current;
    if (!current) return;
    this.finish();
    current.pending.reject(error);
  }

  private finish(): void {
    if (this.current) clearTimeout(this.current.timer);
    this.current = null;
    setImmediate(() => this.sendNext());
  }
}

/** The compiled thread file: beside this one in dist/, and in dist/ too when this file runs from src/ (Jest). */
const WORKER_FILE = ((): string => {
  const beside = join(__dirname, 'parser-worker.js');
  return existsSync(beside) ? beside : join(__dirname, '../../dist/guarded/parser-worker.js');
})();
