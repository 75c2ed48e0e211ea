import { ErrorCode, YardError, type FieldError } from '@yardmaster/contracts';
import { MAX_LIST_LIMIT } from '@yardmaster/inventory';
import { readPage, type Page } from '../http/pagination';

/**
 * One query parameter of a listing and the filter field it sets. `list` takes repeated parameters and
 * comma-separated values alike (`tag=a&tag=b` = `tag=a,b`).
 */
export interface FilterParam {
  readonly param: string;
  readonly field: string;
  readonly kind: 'text' | 'list' | 'boolean' | { readonly oneOf: readonly string[] };
  readonly description: string;
}

const PAGE_PARAMS = new Set(['limit', 'offset']);

/** A listing's query string as a filter and a page; every bad or unknown parameter is a field error. */
export function readInventoryQuery(params: readonly FilterParam[], query: Readonly<Record<string, unknown>>, plural: string): { filter: Record<string, unknown>; page: Page } {
  const errors: FieldError[] = [];
  const filter: Record<string, unknown> = {};
  for (const name of Object.keys(query)) {
    if (!PAGE_PARAMS.has(name) && !params.some((param) => param.param === name)) errors.push({ field: name, message: `is not a filter of ${plural}` });
  }
  for (const param of params) {
    const raw = query[param.param];
    if (raw === undefined) continue;
    const values = Array.isArray(raw) ? raw : [raw];
    if (!values.every((value) => typeof value === 'string')) {
      errors.push({ field: param.param, message: 'must be plain text' });
      continue;
    }
    const read = readParam(param, values as string[]);
    if ('message' in read) errors.push({ field: param.param, message: read.message });
    else filter[param.field] = read.value;
  }
  let page: Page = { limit: 0, offset: 0 };
  try {
    page = readPage(query as { limit?: string; offset?: string }, MAX_LIST_LIMIT);
  } catch (error) {
    if (!(error instanceof YardError)) throw error;
    errors.push(...(error.fieldErrors ?? []));
  }
  if (errors.length > 0) throw new YardError(ErrorCode.ValidationFailed, `Invalid query of ${plural}`, errors);
  return { filter, page };
}

function readParam(param: FilterParam, values: readonly string[]): { value: unknown } | { message: string } {
  if (param.kind === 'list') {
    return { value: values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '') };
  }
  if (values.length > 1) return { message: 'may be given once' };
  const [value] = values as [string];
  if (param.kind === 'text') return { value };
  if (param.kind === 'boolean') return value === 'true' || value === 'false' ? { value: value === 'true' } : { message: 'must be true or false' };
  return param.kind.oneOf.includes(value) ? { value } : { message: `must be one of ${param.kind.oneOf.join(', ')}` };
}
