import { Injectable, Logger } from '@nestjs/common';
import { ErrorCode, YardError, type NamedVariableDefinition, type UploadedFileRef } from '@yardmaster/contracts';
import { CatalogReader, errorLogFields, RunFileStore } from '@yardmaster/messaging';
import { randomUUID } from 'node:crypto';
import type { FileUpload } from './start-run-form';

/**
 * The uploads of a run request: stored before the scheduler is asked, so the run it accepts finds them, and
 * deleted again when it refuses. Only a lost answer leaves them behind, for the bucket's maximum age to remove.
 */
@Injectable()
export class RunUploads {
  private readonly logger = new Logger(RunUploads.name);

  constructor(
    private readonly files: RunFileStore,
    private readonly catalog: CatalogReader,
  ) {}

  /** The job's variables as the catalog (the stream, its one source of truth) has them: which parts are file variables, and their caps. */
  async variablesOf(jobId: string): Promise<readonly NamedVariableDefinition[]> {
    const job = await this.catalog.findJob(jobId);
    if (!job) throw new YardError(ErrorCode.JobNotFound, `No job has the id ${JSON.stringify(jobId)}`);
    return job.variables;
  }

  /** Stores every upload and returns the run data's reference to each, by variable; all or none are kept. */
  async store(uploads: readonly FileUpload[]): Promise<Record<string, UploadedFileRef>> {
    const refs: Record<string, UploadedFileRef> = {};
    try {
      for (const upload of uploads) {
        const ref: UploadedFileRef = { fileId: randomUUID(), name: upload.name, size: upload.content.byteLength, contentType: upload.contentType };
        await this.files.put(ref.fileId, upload.content, ref);
        refs[upload.variable] = ref;
      }
    } catch (error) {
      await this.discard(Object.values(refs));
      throw new YardError(ErrorCode.ServiceUnavailable, `The uploaded files could not be stored: ${error instanceof Error ? error.message : String(error)}`);
    }
    return refs;
  }

  /** Best effort: a file left behind is removed by the bucket's maximum age, so a failure here is only logged. */
  async discard(refs: readonly UploadedFileRef[]): Promise<void> {
    for (const ref of refs) {
      await this.files.delete(ref.fileId).catch((error: unknown) => this.logger.warn({ fileId: ref.fileId, ...errorLogFields(error) }, 'Uploaded file was not deleted'));
    }
  }
}

/**
 * Whether the scheduler said no. A lost or failed answer (SERVICE_UNAVAILABLE, INTERNAL) is no refusal: the run
 * may have been accepted, and its files must stay for it.
 */
export function isRefusal(error: unknown): boolean {
  return error instanceof YardError && error.code !== ErrorCode.ServiceUnavailable && error.code !== ErrorCode.Internal;
}
