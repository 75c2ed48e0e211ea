import type { ParkedEventView, ReplayParkedResult } from '@yardmaster/contracts';
import { expectPositionals, parseCommandLine } from '../args';
import type { Command, CommandContext } from '../command';
import { UsageError } from '../errors';
import { ExitCode } from '../exit-codes';
import type { Palette } from '../render/colours';
import { formatDateTime } from '../render/format';
import { renderTable } from '../render/table';

const REPLAY_OPTIONS = { all: { type: 'boolean' } } as const;

export const parkedCommand: Command = {
  name: 'parked',
  summary: 'Events the projection gave up on, and replaying them (administrators)',
  usage: 'parked | parked replay <id> | parked replay --all',
  help: (yard) =>
    [
      'An event that fails YARD_PROJECTION_MAX_DELIVERIES times (a bug, an event the projection cannot read) is parked',
      'with the reason, and /api/health shows the projection degraded. Fix the cause, then replay:',
      `  ${yard} parked                 list them, oldest first`,
      `  ${yard} parked replay <id>     apply one again; it leaves the list when it applies`,
      `  ${yard} parked replay --all    apply every one again; those that still fail stay (exit 11)`,
    ].join('\n'),
  async run(argv, context) {
    const [action, ...rest] = argv;
    if (action === undefined) return list(context);
    if (action !== 'replay') throw new UsageError(`parked: unknown action ${JSON.stringify(action)} (expected replay)`);
    const { values, positionals } = parseCommandLine('parked replay', rest, REPLAY_OPTIONS);
    if (values.all === true) {
      expectPositionals('parked replay', positionals, []);
      return report(await context.client().replayParked(null), context);
    }
    const [id] = expectPositionals('parked replay', positionals, ['<id>']);
    return report(await context.client().replayParked(id), context);
  },
};

async function list(context: CommandContext): Promise<ExitCode> {
  const { items, total } = await context.client().parkedEvents();
  const { stdout, palette } = context.io;
  if (items.length === 0) {
    stdout.write('No parked events.\n');
    return ExitCode.Ok;
  }
  stdout.write(renderParkedTable(items, palette));
  if (total > items.length) stdout.write(palette.dim(`${items.length} of ${total} parked events\n`));
  return ExitCode.Ok;
}

function report(result: ReplayParkedResult, context: CommandContext): ExitCode {
  const { stdout, stderr } = context.io;
  stdout.write(result.replayed.length === 0 ? 'Nothing replayed.\n' : `Replayed ${result.replayed.join(', ')}\n`);
  for (const failure of result.failed) stderr.write(`Parked event ${failure.id} still fails (${failure.error.code}): ${failure.error.message}\n`);
  return result.failed.length === 0 ? ExitCode.Ok : ExitCode.Api;
}

export function renderParkedTable(events: readonly ParkedEventView[], palette: Palette): string {
  const rows = events.map((event) => [
    String(event.id),
    formatDateTime(event.parkedAt),
    `${event.stream} #${event.sequence}`,
    event.eventType ?? '?',
    event.runId ?? '',
    event.reason,
  ]);
  return renderTable(['ID', 'PARKED', 'FROM', 'TYPE', 'RUN', 'REASON'], rows, { header: palette.bold });
}
