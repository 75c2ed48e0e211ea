import type { UploadedFileRef } from '@yardmaster/contracts';
import { InfrastructureFault, isUploadedFileRef, type RunFile } from '@yardmaster/job-sdk';
import type { RunFileStore } from '@yardmaster/messaging';
import type { RunDataStage } from './prepare-job-data';

/** The part of the store a run file reads through. */
export type RunFileReader = Pick<RunFileStore, 'get'>;

/**
 * File variables travel as references to an upload; job code gets a `RunFile` that fetches the content only
 * when asked, so a step that does not read a file costs nothing.
 */
export function fileValuesStage(files: RunFileReader): RunDataStage {
  return async (data, { variables }) => {
    const resolved: Record<string, unknown> = { ...data };
    for (const variable of variables) {
      const value = data[variable.name];
      if (variable.type === 'file' && isUploadedFileRef(value)) resolved[variable.name] = runFileOf(variable.name, value, files);
    }
    return resolved;
  };
}

export function runFileOf(variable: string, ref: UploadedFileRef, files: RunFileReader): RunFile {
  let content: Promise<Uint8Array> | null = null;
  const bytes = (): Promise<Uint8Array> => {
    if (!content) {
      content = read(variable, ref, files);
      // A failed read (NATS unreachable) is tried again by the next call rather than remembered.
      content.catch(() => (content = null));
    }
    return content;
  };
  return {
    name: ref.name,
    size: ref.size,
    contentType: ref.contentType,
    bytes,
    text: async () => new TextDecoder('utf-8').decode(await bytes()),
  };
}

async function read(variable: string, ref: UploadedFileRef, files: RunFileReader): Promise<Uint8Array> {
  let content: Uint8Array | null;
  try {
    content = await files.get(ref.fileId);
  } catch (error) {
    // The store being out of reach is no fault of the job: the step is retried.
    throw new InfrastructureFault(`Could not read file ${ref.name} of variable ${variable}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (content === null) {
    throw new Error(`File ${ref.name} of variable ${variable} is no longer stored: uploads are kept only while their run lasts`);
  }
  return content;
}
