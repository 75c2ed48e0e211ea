import type { CollectionPlanView, PlanStatus } from '@yardmaster/contracts';
import { parseOptionsOnly } from '../args';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { ExitCode } from '../exit-codes';
import { paintForStatus, type Paint, type Palette } from '../render/colours';
import { optionsHelp } from '../render/options-help';
import { renderTable } from '../render/table';

const OPTIONS = {
  q: { type: 'string' },
  enabled: { type: 'boolean' },
  disabled: { type: 'boolean' },
  priority: { type: 'string' },
} as const;

export const plansCommand: Command = {
  name: 'plans',
  summary: 'List collection plans: status (from the last run), priority, interval, last run, connection target, protocol',
  usage: 'plans [--q <text>] [--enabled | --disabled] [--priority high|default|low]',
  help: (yard) =>
    optionsHelp(
      [
        ['--q <text>', 'only plans whose name holds this text (any case)'],
        ['--enabled, --disabled', 'only enabled, or only disabled, plans'],
        ['--priority <priority>', 'high, default or low (the queue of its runs)'],
      ],
      [`Run one with \`${yard} plan run <id> --follow\`.`],
    ),
  async run(argv, context) {
    const values = parseOptionsOnly('plans', argv, OPTIONS);
    if (values.enabled && values.disabled) throw new UsageError('plans: --enabled and --disabled exclude each other', [], 'plans');
    const enabled = values.enabled ? true : values.disabled ? false : undefined;
    const plans = await context.client().collectionPlans({ q: values.q, enabled, priority: values.priority });
    const { stdout, palette } = context.io;
    if (plans.length === 0) {
      stdout.write('No collection plans.\n');
      return ExitCode.Ok;
    }
    stdout.write(renderPlansTable(plans, palette));
    return ExitCode.Ok;
  },
};

export function renderPlansTable(plans: readonly CollectionPlanView[], palette: Palette): string {
  const rows = plans.map((plan) => [
    plan.id,
    plan.enabled ? plan.name : `${plan.name} ${palette.dim('(disabled)')}`,
    paintForPlanStatus(palette, plan.status)(plan.status),
    plan.priority,
    plan.intervalMinutes === null ? '-' : `every ${plan.intervalMinutes} min`,
    plan.lastRunId ?? '-',
    plan.connectionTarget,
    plan.protocol,
  ]);
  return renderTable(['ID', 'NAME', 'STATUS', 'PRIORITY', 'INTERVAL', 'LAST RUN', 'TARGET', 'PROTOCOL'], rows, { header: palette.bold });
}

function paintForPlanStatus(palette: Palette, status: PlanStatus): Paint {
  if (status === 'working') return paintForStatus(palette, 'running');
  if (status === 'stalled') return palette.yellow;
  return paintForStatus(palette, status);
}
