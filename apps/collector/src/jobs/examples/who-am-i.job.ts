import { Job, type JobContext } from '@yardmaster/job-sdk';

/** Says who asked for the run and whom it acts as (`run_as`, a schedule's owner), and what that user may do here. */
export class WhoAmI extends Job {
  static override readonly meta = { name: 'Who am I', description: 'Logs who requested the run, whom it acts as, and whether they may see the inventory.' };

  run(_data: object, context: JobContext): { requestedBy: string; runAs: string } {
    context.logger.info(`Requested by ${context.requestedBy}, running as ${context.runAs}`);
    try {
      context.require('inventory.view');
      context.logger.success(`${context.runAs} may see the inventory`);
    } catch (error) {
      context.logger.info(error instanceof Error ? error.message : String(error));
    }
    return { requestedBy: context.requestedBy, runAs: context.runAs };
  }
}
