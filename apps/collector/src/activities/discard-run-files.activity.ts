import type { DiscardRunFilesRequest } from '@yardmaster/contracts';
import type { RunFileStore } from '@yardmaster/messaging';

/** The run has ended: its uploads go. Deleting a file already gone is no error, so Temporal may retry this freely. */
export function createDiscardRunFiles(files: Pick<RunFileStore, 'delete'>) {
  return async function discardRunFiles(request: DiscardRunFilesRequest): Promise<void> {
    for (const fileId of request.fileIds) await files.delete(fileId);
  };
}
