import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { JobView } from '@yardmaster/contracts';
import { messageOf, UsageError } from './errors';

/** One `--file variable=path`, read: what the run request sends as the variable's file part. */
export interface RunFilePart {
  readonly variable: string;
  readonly name: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

/** Types a server or job may care about; anything else goes as application/octet-stream. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.txt': 'text/plain',
  '.cfg': 'text/plain',
  '.conf': 'text/plain',
  '.log': 'text/plain',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.yaml': 'application/yaml',
  '.yml': 'application/yaml',
  '.xml': 'application/xml',
};

/**
 * Reads each `--file variable=path`. Every variable must be a file variable of the job, named once; the sizes
 * are left to the API, which knows each variable's cap and its own (413 FILE_TOO_LARGE).
 */
export function readRunFiles(assignments: readonly string[], job: Pick<JobView, 'id' | 'variables'>, read: (path: string) => Uint8Array = (path) => readFileSync(path)): RunFilePart[] {
  const fileVariables = job.variables.filter((variable) => variable.type === 'file').map((variable) => variable.name);
  const parts: RunFilePart[] = [];
  for (const assignment of assignments) {
    const equals = assignment.indexOf('=');
    if (equals < 1 || equals === assignment.length - 1) throw new UsageError(`run: --file takes variable=path, not ${JSON.stringify(assignment)}`, [], 'run');
    const variable = assignment.slice(0, equals);
    const path = assignment.slice(equals + 1);
    if (!fileVariables.includes(variable)) {
      const known = fileVariables.length > 0 ? `its file variables: ${fileVariables.join(', ')}` : 'it has no file variables';
      throw new UsageError(`run: --file ${variable}: ${variable} is not a file variable of ${job.id} (${known})`, [], 'run');
    }
    if (parts.some((part) => part.variable === variable)) throw new UsageError(`run: --file ${variable} is given twice`, [], 'run');
    let content: Uint8Array;
    try {
      content = read(path);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new UsageError(`run: cannot read --file ${variable}=${path}${typeof code === 'string' ? ` (${code})` : ` (${messageOf(error)})`}`, [], 'run');
    }
    parts.push({ variable, name: basename(path), contentType: CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream', content });
  }
  return parts;
}
