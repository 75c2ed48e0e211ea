import type { FileVariableDefinition, NamedVariableDefinition, UploadedFileRef } from '@yardmaster/contracts';

export type NamedFileVariable = FileVariableDefinition & { readonly name: string };

export function fileVariablesOf(variables: readonly NamedVariableDefinition[]): NamedFileVariable[] {
  return variables.filter((variable): variable is NamedFileVariable => variable.type === 'file');
}

/** The uploads that validated run data refers to, by variable name: what the run must delete when it ends. */
export function fileRefsIn(variables: readonly NamedVariableDefinition[], data: Readonly<Record<string, unknown>>): Array<{ readonly variable: string; readonly ref: UploadedFileRef }> {
  return fileVariablesOf(variables).flatMap((variable) => {
    const ref = Object.hasOwn(data, variable.name) ? data[variable.name] : undefined;
    return isUploadedFileRef(ref) ? [{ variable: variable.name, ref }] : [];
  });
}

export function isUploadedFileRef(value: unknown): value is UploadedFileRef {
  const ref = value as Partial<UploadedFileRef> | null | undefined;
  return typeof ref === 'object' && ref !== null && typeof ref.fileId === 'string' && typeof ref.name === 'string' && typeof ref.size === 'number' && typeof ref.contentType === 'string';
}
