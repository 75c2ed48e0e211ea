import { Injectable } from '@nestjs/common';
import type { IdempotencyRef, Principal, StartRunAccepted, StartRunBody, StartRunCommand } from '@yardmaster/contracts';
import type { Acting } from '../../auth/run-as/run-as';
import { SchedulerCommands } from '../../http/scheduler-commands';

/** What starting one run needs once the request is checked: the job, the run's fields, who it acts as. */
export interface RunStart {
  readonly principal: Principal;
  readonly correlationHeader: string | undefined;
  readonly jobId: string;
  readonly run: Omit<StartRunBody, 'runAs'>;
  readonly acting: Acting;
  readonly uploadedFileIds?: readonly string[];
  readonly idempotency?: IdempotencyRef;
}

/** The scheduler's acceptance, with the links a client follows the run by: what every route that starts a run answers. */
export type StartedRun = StartRunAccepted & { readonly links: { readonly self: string; readonly logs: string } };

/**
 * Starting a run: the one use case behind `POST /api/jobs/{jobId}/runs` and every route that starts a run of a
 * built-in job (a collection plan's). Asks the scheduler, which checks the data against the job's variables.
 */
@Injectable()
export class RunStarter {
  constructor(private readonly scheduler: SchedulerCommands) {}

  async start(start: RunStart): Promise<StartedRun> {
    const command: StartRunCommand = {
      meta: this.scheduler.meta(start.principal, start.correlationHeader),
      jobId: start.jobId,
      ...start.run,
      uploadedFileIds: start.uploadedFileIds ?? [],
      runAs: start.acting.runAs,
      actingPrincipal: start.acting.principal,
      ...(start.idempotency ? { idempotency: start.idempotency } : {}),
    };
    const accepted = await this.scheduler.send<StartRunAccepted>((subjects) => subjects.startRunCommand, command, 'started');
    const self = `/api/runs/${accepted.runId}`;
    return { ...accepted, links: { self, logs: `${self}/logs` } };
  }
}
