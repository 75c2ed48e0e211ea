import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ErrorCode, YardError, type FieldError } from '@yardmaster/contracts';
import { fieldsHoldingNul } from './nul-characters';

const MESSAGE = 'must not contain the NUL character (\\u0000)';

/** Where each kind of argument's fields are named from: the body's as the body names them, the rest prefixed. */
function rootOf(metadata: ArgumentMetadata): string {
  const prefix = metadata.type === 'query' ? 'query' : metadata.type === 'param' ? 'path' : '';
  if (metadata.data === undefined) return prefix;
  return prefix === '' ? metadata.data : `${prefix}.${metadata.data}`;
}

/** multer's file parts (`@UploadedFiles()`): their field names and file names are text from the client too. */
function isFilePartList(value: unknown): value is Array<{ fieldname: string; originalname: string }> {
  return Array.isArray(value) && value.every((part) => part !== null && typeof part === 'object' && typeof part.fieldname === 'string' && typeof part.originalname === 'string');
}

function fileNameFieldsHoldingNul(parts: ReadonlyArray<{ fieldname: string; originalname: string }>): string[] {
  return parts.flatMap((part) => fieldsHoldingNul({ [part.fieldname]: part.originalname }, 'data'));
}

/**
 * The global check that no text from a client holds a NUL character (PostgreSQL cannot store one): every body (at
 * any depth, a multipart form once decoded), query string, path parameter and uploaded file name, before a handler
 * sees it. One field error per field, named as the client sent it: `data.name`, `query.jobId`, `path.username`.
 */
@Injectable()
export class NulFreeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const fields = metadata.type === 'custom' ? (isFilePartList(value) ? fileNameFieldsHoldingNul(value) : []) : fieldsHoldingNul(value, rootOf(metadata));
    if (fields.length > 0) {
      const fieldErrors: FieldError[] = fields.map((field) => ({ field: field === '' ? 'body' : field, message: MESSAGE }));
      throw new YardError(ErrorCode.ValidationFailed, 'The request holds a NUL character (\\u0000), which is never accepted', fieldErrors);
    }
    return value;
  }
}
