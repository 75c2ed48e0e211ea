import { ErrorCode, YardError, type FieldError, type NamedVariableDefinition } from '@yardmaster/contracts';
import { fileVariablesOf } from '@yardmaster/job-sdk';
import { RUN_FORM_TEXT_FIELDS } from './run-form-fields';
import { parseStartRunBody, type StartRunBody } from './start-run-body';

/** One file part as multer's memory storage gives it. */
export interface UploadedPart {
  readonly fieldname: string;
  readonly originalname: string;
  readonly mimetype: string;
  readonly size: number;
  readonly buffer: Buffer;
}

export interface FileUpload {
  readonly variable: string;
  readonly name: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

export interface StartRunForm {
  /** The run request without the files: `data` holds only the other variables' values. */
  readonly body: StartRunBody;
  readonly uploads: readonly FileUpload[];
}

/**
 * A run request sent as `multipart/form-data`: the text parts, decoded by `decodeRunFormFields`, are the JSON body's
 * fields, and each file part is the upload for the file variable of its name. A file larger than its
 * variable allows is refused with FILE_TOO_LARGE (413), anything else wrong with VALIDATION_FAILED (400), one
 * error per field; nothing is stored for a refused request.
 */
export function parseStartRunForm(fields: Readonly<Record<string, unknown>>, parts: readonly UploadedPart[], variables: readonly NamedVariableDefinition[]): StartRunForm {
  const fileVariables = new Map(fileVariablesOf(variables).map((variable) => [variable.name, variable]));
  const errors: FieldError[] = [];
  const tooLarge: FieldError[] = [];

  const body: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(fields)) {
    if (!RUN_FORM_TEXT_FIELDS.has(field)) {
      const hint = fileVariables.has(field) ? `must be a file part: ${field} is a file variable` : 'is not a field of a run request';
      errors.push({ field: fileVariables.has(field) ? `data.${field}` : field, message: hint });
    } else {
      body[field] = value;
    }
  }
  const data = body['data'];
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    for (const name of Object.keys(data).filter((key) => fileVariables.has(key))) {
      errors.push({ field: `data.${name}`, message: `must be uploaded as a file part named ${name}, not given in data` });
    }
  }

  const uploads: FileUpload[] = [];
  for (const part of parts) {
    const field = `data.${part.fieldname}`;
    const variable = fileVariables.get(part.fieldname);
    if (!variable) {
      errors.push({ field, message: 'is not a file variable of this job' });
    } else if (uploads.some((upload) => upload.variable === part.fieldname)) {
      errors.push({ field, message: 'must be one file: give its part once' });
    } else if (part.size > variable.maxSizeBytes) {
      tooLarge.push({ field, message: `must be at most ${variable.maxSizeBytes} bytes, got ${part.size}` });
    } else {
      uploads.push({ variable: part.fieldname, name: part.originalname, contentType: part.mimetype || 'application/octet-stream', content: part.buffer });
    }
  }

  if (tooLarge.length > 0) throw new YardError(ErrorCode.FileTooLarge, 'A file is larger than its variable allows', tooLarge);
  const parsed = bodyOrErrors(body);
  errors.push(...parsed.errors);
  if (errors.length > 0 || !parsed.body) throw new YardError(ErrorCode.ValidationFailed, 'The run request is invalid', errors);
  return { body: parsed.body, uploads };
}

/** The JSON body's checks, their field errors kept so that every bad field of the form is reported at once. */
function bodyOrErrors(body: Record<string, unknown>): { readonly body: StartRunBody | null; readonly errors: readonly FieldError[] } {
  try {
    return { body: parseStartRunBody(body), errors: [] };
  } catch (error) {
    if (error instanceof YardError && error.fieldErrors) return { body: null, errors: error.fieldErrors };
    throw error;
  }
}
