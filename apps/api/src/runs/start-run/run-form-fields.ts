import { ErrorCode, YardError, type FieldError } from '@yardmaster/contracts';
import { MAX_JSON_DEPTH, nestsDeeperThan, tooDeepError } from '../../http/untrusted-input/json-depth';

/** The text parts of a run request's form, by name: each is the JSON body's field of that name. */
export const RUN_FORM_TEXT_FIELDS = new Set(['data', 'commit', 'queue', 'runTimeoutSeconds', 'startAt', 'runAs']);

/**
 * A multipart run request's text parts turned into the values the JSON body would carry (`data` from its JSON
 * text, `commit` and `runTimeoutSeconds` from theirs), so that everything after (the global input checks, the
 * body's own checks) treats both kinds of request alike. Text that cannot be read so, or a part given twice, is
 * refused here; other parts are passed on as they came, for the form's checks to name.
 */
export function decodeRunFormFields(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const decoded: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const [field, value] of Object.entries(fields)) {
    if (!RUN_FORM_TEXT_FIELDS.has(field)) decoded[field] = value;
    else if (typeof value !== 'string') errors.push({ field, message: 'must be given once, as text' });
    else if (field !== 'data') decoded[field] = decodeScalar(field, value);
    else {
      const data = parseJson(value);
      if (data === undefined) errors.push({ field, message: 'must be JSON text of an object of variable values' });
      else if (nestsDeeperThan(data, MAX_JSON_DEPTH)) throw tooDeepError('data');
      else decoded[field] = data;
    }
  }
  if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, 'The run request is invalid', errors);
  return decoded;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Anything but the expected text is passed on as text, for the body's own "must be true or false" and the like. */
function decodeScalar(field: string, text: string): unknown {
  if (field === 'commit') return text === 'true' ? true : text === 'false' ? false : text;
  if (field === 'runTimeoutSeconds') return /^\d+$/.test(text) ? Number(text) : text;
  return text;
}
