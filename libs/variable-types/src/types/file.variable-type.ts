import type { FileVariableDefinition, JsonObject, UploadedFileRef } from '@yardmaster/contracts';
import { hasError, schemaErrors } from '../ajv/schema-errors';
import { commonFields } from '../define/common-fields';
import { accepted, problem, type VariableTypeModule, type VariableValueCheck } from '../variable-type';

/** Uploads larger than this are refused unless a file variable says otherwise. */
export const DEFAULT_FILE_MAX_SIZE_BYTES = 10 * 1024 * 1024;

/**
 * An uploaded file, as Nautobot's FileVar: sent as a multipart part named after the variable; run data holds the
 * reference the API made when it stored the upload (the upload itself is checked there).
 */
export const fileVariableType: VariableTypeModule<FileVariableDefinition> = {
  type: 'file',
  define: (builder, options) => {
    const unsupported = (['default', 'sensitive'] as const).filter((name) => options[name] !== undefined);
    // Checked at run time too: a JavaScript job module has no type checker to stop it.
    if (unsupported.length > 0) throw new Error(`${builder}: ${unsupported.join(' and ')} ${unsupported.length > 1 ? 'are' : 'is'} not supported for a file`);
    const maxSizeBytes = (options.maxSizeBytes as number | undefined) ?? DEFAULT_FILE_MAX_SIZE_BYTES;
    if (!Number.isSafeInteger(maxSizeBytes) || maxSizeBytes < 1) throw new Error(`${builder}: maxSizeBytes must be a whole number of bytes, at least 1, got ${maxSizeBytes}`);
    return { type: 'file', ...commonFields(options), maxSizeBytes } as FileVariableDefinition;
  },
  jsonSchema: (definition) => ({ ...fileRefSchema(definition), 'x-widget': 'file', 'x-max-size-bytes': definition.maxSizeBytes }),
  check: (definition, value) => checkFileRef(definition, value),
  // Given with `--file`, not `--data`: the JSON Schema decides, as it did before the type had a module.
  cliValueKind: undefined,
};

function fileRefSchema(definition: FileVariableDefinition): JsonObject {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['fileId', 'name', 'size', 'contentType'],
    properties: {
      fileId: { type: 'string' },
      name: { type: 'string' },
      size: { type: 'integer', minimum: 0, maximum: definition.maxSizeBytes },
      contentType: { type: 'string' },
    },
  };
}

function checkFileRef(definition: FileVariableDefinition, value: unknown): VariableValueCheck {
  const errors = schemaErrors(fileRefSchema(definition), value);
  const tooLarge = errors.length > 0 && errors.every((error) => error.keyword === 'maximum');
  if (errors.length > 0 && !tooLarge) return problem('must be uploaded as a file: send the run request as multipart/form-data with a part of this name');
  const ref = value as UploadedFileRef;
  if (hasError(errors, 'maximum', 'inside')) return problem(`must be at most ${definition.maxSizeBytes} bytes, got ${ref.size}`);
  return accepted({ fileId: ref.fileId, name: ref.name, size: ref.size, contentType: ref.contentType });
}
