import { applyDecorators, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';

/**
 * A controller whose routes need a token: its OpenAPI tag, the bearer scheme, its path and who may use it (a
 * `RequirePermission(...)` or `Authenticated()`), said once instead of the same four decorators on every controller.
 */
export function ApiController(tag: string, path: string, access: ClassDecorator): ClassDecorator {
  return applyDecorators(ApiTags(tag), ApiBearerAuth(), Controller(path), access);
}

/** The answer of a listing route: `limit` and `offset` query parameters, and one page of items described by `schema`. */
export function ApiPageResponse(description: string, schema: object): MethodDecorator {
  // Applied in the order of a decorator stack written limit, offset, ok (bottom up): the document lists them as before.
  return applyDecorators(ApiOkResponse({ description, schema }), ApiQuery({ name: 'offset', required: false }), ApiQuery({ name: 'limit', required: false }));
}

/** The optional `Idempotency-Key` header of a route that starts something; `description` says what a repeat answers. */
export function ApiIdempotencyKey(description: string): MethodDecorator {
  return ApiHeader({ name: 'Idempotency-Key', required: false, description });
}
