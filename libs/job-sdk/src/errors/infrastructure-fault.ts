/**
 * Throw this for a fault outside the job's control (a device or API that did not answer, a dropped session):
 * the step is retried by the job's retry policy. Any other exception ends the run `errored` at once.
 */
export class InfrastructureFault extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InfrastructureFault';
  }
}
