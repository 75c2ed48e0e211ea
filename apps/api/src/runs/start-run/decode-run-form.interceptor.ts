import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { decodeRunFormFields } from './run-form-fields';

/**
 * Bound after multer: a multipart run request's text parts become the JSON body's values before any pipe runs, so
 * the global input checks see `data` as the JSON request carries it (a NUL escaped in its JSON text included).
 */
@Injectable()
export class DecodeRunFormInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    if (request.is('multipart/form-data')) request.body = decodeRunFormFields((request.body ?? {}) as Record<string, unknown>);
    return next.handle();
  }
}
