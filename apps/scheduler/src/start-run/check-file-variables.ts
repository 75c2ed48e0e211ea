import type { FieldError, JsonObject, NamedVariableDefinition } from '@yardmaster/contracts';
import { fileRefsIn } from '@yardmaster/job-sdk';
import type { RunFileStore } from '@yardmaster/messaging';

/**
 * Each file variable's value must be an upload of this very request (the API lists the ids it stored), so a
 * request cannot point at another run's file; and it must still be stored, so a lost upload is refused now
 * rather than failing the run once it has started.
 */
export async function checkFileVariables(
  files: Pick<RunFileStore, 'has'>,
  variables: readonly NamedVariableDefinition[],
  data: JsonObject,
  uploadedWithRequest: readonly string[],
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  for (const { variable, ref } of fileRefsIn(variables, data)) {
    if (!uploadedWithRequest.includes(ref.fileId)) {
      errors.push({ field: `data.${variable}`, message: 'must be uploaded with this request: send it as a file part of a multipart/form-data request' });
    } else if (!(await files.has(ref.fileId))) {
      errors.push({ field: `data.${variable}`, message: `refers to file ${ref.fileId}, which is not stored (files are kept only for the run they were uploaded for): upload it again` });
    }
  }
  return errors;
}

/** The uploads a run must delete when it ends. */
export function fileIdsIn(variables: readonly NamedVariableDefinition[], data: JsonObject): string[] {
  return fileRefsIn(variables, data).map(({ ref }) => ref.fileId);
}
