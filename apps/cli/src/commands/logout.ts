import { parseOptionsOnly } from '../args';
import type { Command } from '../command';
import { ExitCode } from '../exit-codes';
import { removeSavedLogin } from '../saved-login';

export const logoutCommand: Command = {
  name: 'logout',
  summary: 'Forget the saved address and token',
  usage: 'logout',
  help: (yard) => `Removes the file \`${yard} login\` wrote. The token itself stays valid until it is revoked (DELETE /api/me/tokens/{id}).`,
  async run(argv, context) {
    parseOptionsOnly('logout', argv, {});
    const removed = removeSavedLogin(context.configPath);
    context.io.stdout.write(removed ? `Logged out: removed ${context.configPath}\n` : 'Not logged in: nothing saved\n');
    return ExitCode.Ok;
  },
};
