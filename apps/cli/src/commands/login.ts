import { ApiClient, DEFAULT_URL } from '../api-client';
import { parseOptionsOnly } from '../args';
import type { Command } from '../command';
import { UsageError } from '../errors';
import { ExitCode } from '../exit-codes';
import { optionsHelp } from '../render/options-help';
import { readSavedLogin, writeSavedLogin } from '../saved-login';

export const loginCommand: Command = {
  name: 'login',
  summary: 'Check a token with the API and save it (and the address) for later commands',
  usage: 'login [--url <url>] [--token <token>]',
  help: () =>
    optionsHelp(
      [
        ['--url <url>', `the API (default: YARD_URL, else the saved address, else ${DEFAULT_URL})`],
        ['--token <token>', 'the token; asked for (without echo) when left out, or read from stdin when it is not a terminal'],
      ],
      [
        'The token is checked with GET /api/me, then saved with the address in $XDG_CONFIG_HOME/yardmaster/config.json',
        '(~/.config/yardmaster/config.json), readable by you only. YARD_URL and YARD_TOKEN, when set, win over it.',
        'An administrator issues tokens (POST /api/users/{username}/tokens); anyone issues their own (POST /api/me/tokens).',
      ],
    ),
  async run(argv, context) {
    const values = parseOptionsOnly('login', argv, { url: { type: 'string' }, token: { type: 'string' } });
    const url = values.url?.trim() || context.env.YARD_URL?.trim() || readSavedLogin(context.configPath, context.program)?.url || DEFAULT_URL;
    // Check the address before asking for a secret.
    ApiClient.create(url, undefined);
    const token = (values.token ?? (await context.readSecret(`Token for ${url}: `))).trim();
    if (token === '') throw new UsageError('login: no token given', ['pass --token, or type it when asked'], 'login');
    const client = context.clientFor(url, token);
    const me = await client.me();
    writeSavedLogin(context.configPath, { url: client.baseUrl, token });
    const kind = me.readOnly ? ' (read-only token)' : '';
    context.io.stdout.write(`Logged in to ${client.baseUrl} as ${me.username}${kind}; saved in ${context.configPath}\n`);
    return ExitCode.Ok;
  },
};
