import type { AuditEntryView } from '@yardmaster/contracts';
import { parseOptionsOnly } from '../args';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { LIMIT_OPTION, limitHelp, pageLimit, writePage } from '../list-page';
import type { Palette } from '../render/colours';
import { formatDateTime } from '../render/format';
import { optionsHelp } from '../render/options-help';
import { renderTable } from '../render/table';

const OPTIONS = {
  actor: { type: 'string', short: 'u' },
  action: { type: 'string', short: 'a' },
  limit: LIMIT_OPTION,
} as const;

export const auditCommand: Command = {
  name: 'audit',
  summary: 'Who did what, newest first (administrators)',
  usage: 'audit [--actor <username>] [--action <action>] [--limit <n>]',
  help: () =>
    optionsHelp([
      ['-u, --actor <username>', 'only what this user did'],
      ['-a, --action <action>', 'only this action (run.requested), or a prefix ending in a dot (schedule., identity.)'],
      limitHelp('entries'),
    ]),
  async run(argv, context) {
    const values = parseOptionsOnly('audit', argv, OPTIONS);
    const page = await context.client().audit({ actor: values.actor, action: values.action, limit: pageLimit('audit', values.limit) });
    writePage(context.io, page, 'entries', (entries) => renderAuditTable(entries, context.io.palette));
    return ExitCode.Ok;
  },
};

export function renderAuditTable(entries: readonly AuditEntryView[], palette: Palette): string {
  const rows = entries.map((entry) => [formatDateTime(entry.occurredAt), entry.actor, entry.action, entry.summary]);
  return renderTable(['WHEN', 'WHO', 'ACTION', 'WHAT'], rows, { header: palette.bold });
}
