/**
 * Files uploaded for file variables live in the NATS JetStream object store `<instance>_run_files` (its stream is
 * `OBJ_<instance>_run_files`), one object per upload named by its file id (a UUID), only until the run ends.
 */
export function runFilesBucketFor(instance: string): string {
  return `${instance}_run_files`;
}

/** What the run workflow asks a collector to delete when the run ends. */
export interface DiscardRunFilesRequest {
  readonly runId: string;
  readonly fileIds: readonly string[];
}
