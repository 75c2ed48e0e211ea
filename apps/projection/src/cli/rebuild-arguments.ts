import { rebuildTargets, type RebuildRequest } from '@yardmaster/contracts';

export const REBUILD_USAGE = `usage: npm run projection -- rebuild [--model ${rebuildTargets.join('|')}] [--swap] [--accept-loss] [--json]

Replays the event streams into a shadow schema while the projection keeps serving, compares every table of the
model with the live one, and with --swap puts the rebuilt tables in place in one transaction.
  --model        the read model to rebuild (default: all)
  --swap         swap the rebuilt tables in (refused when live rows could not be restored, unless --accept-loss)
  --accept-loss  swap even so, dropping those rows
  --json         print the report as JSON
Exit codes: 0 identical or swapped, 2 the rebuilt tables differ (nothing swapped), 3 a swap refused, 1 any other failure.`;

export interface RebuildArguments extends RebuildRequest {
  readonly json: boolean;
}

/** Reads `rebuild [--model <m>] [--swap] [--accept-loss] [--json]`; a bad argument throws with a readable message. */
export function parseRebuildArguments(args: readonly string[]): RebuildArguments {
  const [command, ...rest] = args;
  if (command !== 'rebuild') throw new Error(command === undefined ? 'no command given' : `unknown command ${command}`);
  let model: RebuildRequest['model'] = 'all';
  const flags = { swap: false, acceptLoss: false, json: false };
  for (let index = 0; index < rest.length; index++) {
    const arg = rest[index];
    if (arg === '--swap') flags.swap = true;
    else if (arg === '--accept-loss') flags.acceptLoss = true;
    else if (arg === '--json') flags.json = true;
    else if (arg === '--model' || arg.startsWith('--model=')) {
      const value = arg === '--model' ? rest[++index] : arg.slice('--model='.length);
      if (!(rebuildTargets as readonly string[]).includes(value ?? '')) throw new Error(`--model takes one of ${rebuildTargets.join(', ')}, not ${value ?? 'nothing'}`);
      model = value as RebuildRequest['model'];
    } else throw new Error(`unknown option ${arg}`);
  }
  if (flags.acceptLoss && !flags.swap) throw new Error('--accept-loss goes with --swap');
  return { model, ...flags };
}
