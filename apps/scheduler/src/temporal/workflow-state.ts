import { WorkflowNotFoundError, type Client } from '@temporalio/client';

/** A workflow's state in Temporal, reduced to what the scheduler decides on. */
export type WorkflowState = 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED' | 'TERMINATED' | 'TIMED_OUT' | 'CONTINUED_AS_NEW' | 'NOT_FOUND' | 'UNKNOWN';

export async function workflowStateOf(client: Client, workflowId: string): Promise<WorkflowState> {
  try {
    const description = await client.workflow.getHandle(workflowId).describe();
    return (description.status.name as WorkflowState) ?? 'UNKNOWN';
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return 'NOT_FOUND';
    throw error;
  }
}
