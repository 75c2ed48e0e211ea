import { parseOptionsOnly } from '../args';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';

export const whoamiCommand: Command = {
  name: 'whoami',
  summary: 'Who the token belongs to, and what they may do',
  usage: 'whoami',
  help: () => 'Asks GET /api/me with the token of YARD_TOKEN, else of the saved login.',
  async run(argv, context) {
    parseOptionsOnly('whoami', argv, {});
    const client = context.client();
    const me = await client.me();
    const lines = [
      `${me.username} (${me.displayName}) at ${client.baseUrl}`,
      ...(me.admin ? ['administrator: every permission'] : []),
      ...(me.readOnly ? ['read-only token: reads only'] : []),
      ...me.permissions.map((grant) => {
        const scope = [...(grant.jobIds ?? []).map((id) => `job ${id}`), ...(grant.groupings ?? []).map((grouping) => `grouping ${JSON.stringify(grouping)}`)];
        return `  ${grant.permission}${scope.length > 0 ? `: ${scope.join(', ')}` : ''}`;
      }),
    ];
    if (!me.admin && me.permissions.length === 0) lines.push('no permissions');
    context.io.stdout.write(`${lines.join('\n')}\n`);
    return ExitCode.Ok;
  },
};
