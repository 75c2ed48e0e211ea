import type { CommandMeta } from './command-reply';

export interface CancelRunCommand {
  readonly meta: CommandMeta;
  readonly runId: string;
}

export interface CancelRunAccepted {
  readonly runId: string;
  readonly cancelRequestedBy: string;
  readonly cancelRequestedAt: string;
}
