import { isAnyRunEventType, runEventKind, type RunEvent, type RunView } from '@yardmaster/contracts';
import type { CommandContext } from './command';
import { InterruptedError } from './errors';
import { exitCodeForEvent, exitCodeForStatus, ExitCode, terminalStatusOfEvent } from './exit-codes';
import type { Io } from './io';
import { paintForStatus } from './render/colours';
import { durationBetween, formatDateTime, formatDuration, formatLogLine, formatTime } from './render/format';
import { renderProgressBar, type Progress } from './render/progress-bar';
import { followEventStream } from './sse-reader';

const CLEAR_LINE = '\r\u001b[2K';

/**
 * Prints a run's events as they arrive: each log entry (coloured by level on a terminal), its lifecycle
 * (queued, started, each step, a cancel request) dimmed, a progress bar, and one closing line saying how it
 * ended. On a terminal the progress bar is one line redrawn in place below the log; elsewhere each progress
 * step worth telling (every 5 %) is a line of its own.
 */
export class RunEventPrinter {
  private bar: string | null = null;
  private barShown = false;
  private lastPrintedPercent: number | null = null;
  private requestedAt: string | null = null;
  private terminal: RunEvent | null = null;

  constructor(
    private readonly io: Io,
    private readonly runId: string,
  ) {}

  /** The terminal event, once it has come. */
  get ended(): RunEvent | null {
    return this.terminal;
  }

  handle(event: RunEvent): void {
    const { palette } = this.io;
    const time = formatTime(event.occurredAt);
    const lifecycle = (text: string, paint = palette.dim) => this.line(`${palette.dim(time)}  ${paint(`-- ${text}`)}`);
    switch (event.type) {
      case 'run.requested':
        this.requestedAt = event.occurredAt;
        lifecycle(
          `requested by ${event.data.requestedBy}: ${event.data.jobName} (${event.data.jobId}), queue ${event.data.queue}${event.data.commit === false ? ', dry run' : ''}` +
            (event.data.startAt ? `, starts at ${formatDateTime(event.data.startAt)}` : ''),
        );
        return;
      case 'run.started':
        lifecycle(`running${event.data.attempt > 1 ? ` (attempt ${event.data.attempt})` : ''}`);
        return;
      case 'run.step_started':
        lifecycle(`step ${event.data.step} on ${event.data.worker}${event.data.maxAttempts > 1 ? ` (attempt ${event.data.attempt} of ${event.data.maxAttempts})` : ''}`);
        return;
      case 'run.cancel_requested':
        lifecycle(`cancel requested by ${event.data.by}`, palette.yellow);
        return;
      case 'run.log':
        this.line(formatLogLine(event.data, palette));
        return;
      case 'run.progress':
        this.progress(event.data, time);
        return;
      default:
        if (exitCodeForEvent(event.type) !== null) this.end(event);
        // An event type newer than this CLI: say that it happened.
        else lifecycle(kindOf((event as { type: unknown }).type).replace(/_/g, ' '));
    }
  }

  /** For a run that had ended before the stream could say so (a resume after its last event): its read model. */
  endFromRun(run: RunView): void {
    this.closeBar();
    const paint = paintForStatus(this.io.palette, run.status);
    const took = durationBetween(run.createdAt, run.completedAt);
    const detail = run.error ? `: ${run.error.message}` : run.cancelledBy ? ` by ${run.cancelledBy}` : '';
    this.io.stdout.write(`${paint(`Run ${this.runId} ${run.status.replace('_', ' ')}${detail}`)}${took === null ? '' : this.io.palette.dim(` (${formatDuration(took)})`)}\n`);
  }

  /** Clears the progress bar from a terminal, e.g. before a Ctrl-C message. */
  interrupt(): void {
    if (this.barShown) this.io.stdout.write('\n');
    this.barShown = false;
    this.bar = null;
  }

  private end(event: RunEvent): void {
    this.terminal = event;
    this.closeBar();
    const { palette } = this.io;
    const status = terminalStatusOfEvent(event.type) ?? event.type;
    const paint = paintForStatus(palette, status);
    let detail = '';
    switch (event.type) {
      case 'run.failed':
        detail = `: ${event.data.failureCount} failure ${event.data.failureCount === 1 ? 'entry' : 'entries'}`;
        break;
      case 'run.errored':
      case 'run.timed_out':
        detail = `: ${event.data.error.message}${event.data.error.step ? ` (step ${event.data.error.step})` : ''}`;
        break;
      case 'run.cancelled':
        detail = ` by ${event.data.cancelledBy}${event.data.reason ? ` (${event.data.reason})` : ''}`;
        break;
    }
    const took = durationBetween(this.requestedAt, event.occurredAt);
    const suffix = took === null ? '' : palette.dim(` (${formatDuration(took)})`);
    this.io.stdout.write(`${paint(`Run ${this.runId} ${status.replace('_', ' ')}${detail}`)}${suffix}\n`);
  }

  private progress(progress: Progress, time: string): void {
    const { stdout, palette } = this.io;
    if (stdout.isTTY) {
      this.bar = renderProgressBar(progress, { unicode: true });
      stdout.write(`${CLEAR_LINE}${this.bar}`);
      this.barShown = true;
      return;
    }
    const percent = progress.total > 0 ? Math.floor((Math.min(progress.done, progress.total) / progress.total) * 100) : 0;
    const worthTelling = this.lastPrintedPercent === null || percent >= 100 || Math.floor(percent / 5) !== Math.floor(this.lastPrintedPercent / 5);
    if (!worthTelling) return;
    this.lastPrintedPercent = percent;
    stdout.write(`${palette.dim(time)}  ${renderProgressBar(progress)}\n`);
  }

  /** A line above the progress bar: the bar is cleared, the line written, the bar drawn again. */
  private line(text: string): void {
    const { stdout } = this.io;
    stdout.write(`${this.barShown ? CLEAR_LINE : ''}${text}\n`);
    if (this.bar !== null && stdout.isTTY) {
      stdout.write(this.bar);
      this.barShown = true;
    }
  }

  /** The bar's last state stays on screen as a line of its own. */
  private closeBar(): void {
    if (this.barShown) this.io.stdout.write('\n');
    this.barShown = false;
    this.bar = null;
  }
}

/**
 * Follows `GET /api/runs/{runId}/events` from the run's first event (so everything logged so far comes too)
 * to its terminal event, printing as it goes, reconnecting with Last-Event-ID when the stream drops. Resolves
 * to the exit code of the run's end state.
 */
export async function followRun(context: CommandContext, runId: string): Promise<number> {
  const client = context.client();
  const { io } = context;
  const printer = new RunEventPrinter(io, runId);
  const interrupt = new AbortController();
  const stopListening = context.onInterrupt?.(() =>
    interrupt.abort(new InterruptedError(`stopped following run ${runId}; the run goes on (\`${context.program} cancel ${runId}\` stops it)`)),
  );
  let lastSeen: EventOrder | null = null;
  try {
    await followEventStream({
      ...context.followTuning,
      baseUrl: client.baseUrl,
      signal: interrupt.signal,
      open: (lastEventId, signal) => client.openRunEvents(runId, { lastEventId, signal }),
      onReconnect: ({ reason, delayMs, lastEventId }) =>
        io.stderr.write(io.errorPalette.dim(`yard: ${reason}; reconnecting in ${formatDuration(delayMs)}${lastEventId ? ` after event ${lastEventId}` : ''}\n`)),
      onEvent: (message) => {
        // Ids are stream sequences (`<sequence>.<entry>`, three digits, for a log entry of a batch), increasing: never
        // print an event twice, whatever a server resends.
        const order = eventOrderOf(message.id);
        if (order !== null && lastSeen !== null && !isAfter(order, lastSeen)) return;
        if (order !== null) lastSeen = order;
        const event = parseEnvelope(message.data);
        if (!event) {
          io.stderr.write(io.errorPalette.dim(`yard: skipped an event that is not a run event (${message.event})\n`));
          return;
        }
        printer.handle(event);
        return printer.ended ? 'stop' : undefined;
      },
    });
    if (printer.ended) return exitCodeForEvent(printer.ended.type) ?? ExitCode.Ok;
    // 204: nothing comes after the last event received, so the run has ended: its read model says how (once the
    // projection has caught up).
    const run = await endedRun(context, runId);
    printer.endFromRun(run);
    return exitCodeForStatus(run.status) ?? ExitCode.Api;
  } catch (error) {
    printer.interrupt();
    throw error;
  } finally {
    stopListening?.();
  }
}

/** An event id as a place in the run's events: its stream sequence, and its entry within a batch (-1 for a whole message). */
type EventOrder = readonly [sequence: number, entry: number];

function eventOrderOf(id: string | null): EventOrder | null {
  const match = id === null ? null : /^(\d+)(?:\.(\d{3}))?$/.exec(id);
  return match ? [Number(match[1]), match[2] === undefined ? -1 : Number(match[2])] : null;
}

function isAfter([sequence, entry]: EventOrder, [lastSequence, lastEntry]: EventOrder): boolean {
  return sequence > lastSequence || (sequence === lastSequence && entry > lastEntry);
}

async function endedRun(context: CommandContext, runId: string, timeoutMs = 10_000): Promise<RunView> {
  const sleep = context.followTuning?.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await context.client().run(runId);
    if (exitCodeForStatus(run.status) !== null || Date.now() >= deadline) return run;
    await sleep(250);
  }
}

function parseEnvelope(data: string): RunEvent | null {
  try {
    const parsed = JSON.parse(data) as unknown;
    if (parsed && typeof parsed === 'object' && typeof (parsed as RunEvent).type === 'string' && (parsed as RunEvent).data !== undefined) return parsed as RunEvent;
  } catch {
    // Not JSON.
  }
  return null;
}

/** An event type as the user reads it: `run.step_started` → `step_started`; an unexpected type as it came. */
function kindOf(type: unknown): string {
  return isAnyRunEventType(type) ? runEventKind(type) : String(type);
}
