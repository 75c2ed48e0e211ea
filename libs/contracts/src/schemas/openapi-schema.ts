import { z } from 'zod';

/** An OpenAPI 3.0 schema object, as `@ApiBody({ schema })` and `@ApiOkResponse({ schema })` take it. */
export type OpenApiSchema = Record<string, unknown>;

/**
 * The OpenAPI 3.0 schema of a contract, made from the same definition the API checks bodies with, so that the
 * document cannot say other than the check. A request body is described as a client sends it (`io: 'input'`:
 * defaults make a field optional); a view as the API answers it.
 */
export function openApiSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'output'): OpenApiSchema {
  const { $schema: _dialect, ...openApi } = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>;
  return openApi;
}
