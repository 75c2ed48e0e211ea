/** A read-only job tried to change the inventory: a mistake in its code, so its step errors. */
export class ReadOnlyJobError extends Error {
  constructor(jobId: string, operation: string, model: string) {
    super(`Job ${jobId} is read-only: it may not ${operation} a ${model.replace('_', ' ')}. Remove readOnly from its meta if it changes the inventory.`);
    this.name = 'ReadOnlyJobError';
  }
}
