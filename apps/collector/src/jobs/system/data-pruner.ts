import type { PruneBatchReport, PruneDataCommand } from '@yardmaster/contracts';
import { sendCommand, type InstanceNats } from '@yardmaster/messaging';

/** Prunes one batch of what retention lets go; the projection, which owns the read models, does the deleting. */
export interface DataPruner {
  pruneBatch(command: PruneDataCommand): Promise<PruneBatchReport>;
}

/** A batch deletes at most a few hundred thousand rows in short statements: a minute is plenty on a loaded machine. */
const PRUNE_BATCH_TIMEOUT_MS = 60_000;

/** Asks the projection over NATS (`<instance>.cmd.data.prune`), as the reconciler asks it for live runs. */
export class NatsDataPruner implements DataPruner {
  constructor(private readonly nats: InstanceNats) {}

  pruneBatch(command: PruneDataCommand): Promise<PruneBatchReport> {
    return sendCommand<PruneBatchReport>(this.nats.nc, this.nats.subjects.pruneDataCommand, command, { timeoutMs: PRUNE_BATCH_TIMEOUT_MS, serviceName: 'projection' });
  }
}
