import { Catch, HttpException, Inject, Logger, Optional, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { errorLogFields } from '@yardmaster/messaging';
import { ErrorCode, YardError, type ErrorBody } from '@yardmaster/contracts';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { API_CONFIG } from '../api-config.token';
import type { ApiConfig } from '../config';
import { databaseOutageOf } from './database-outage';
import { httpStatusOf } from './http-status-of';
import { messageTooLargeOf } from './message-too-large';
import { OutageLog } from './outage-log';
import { bodyReadRefusal } from './untrusted-input/body-read-errors';

/**
 * Every error leaves the API as `{ code, message, fieldErrors?, details?, correlationId }` with a fitting status:
 * the one place where errors from below (the body parsers, the database driver) become stable codes.
 */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');
  private readonly databaseOutages = new OutageLog(this.logger, 'PostgreSQL');

  /** Optional: a test module that mounts a few controllers may leave the configuration out. */
  constructor(@Optional() @Inject(API_CONFIG) private readonly config?: ApiConfig) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const correlationId = String(request.headers['x-correlation-id'] ?? randomUUID());
    const { status, body, logged } = this.translate(exception, correlationId);
    // RFC 6750: a 401 names the scheme the client should use.
    if (status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="yardmaster"');
    const retryAfter = body.details?.['retryAfterSeconds'];
    if (typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
    if (status >= 500 && !logged) this.logger.error({ method: request.method, url: request.url, status, ...errorLogFields(exception) }, 'Request failed');
    response.status(status).json(body);
  }

  /** `logged` when the error has been logged already (an outage, by its OutageLog). */
  private translate(exception: unknown, correlationId: string): { status: number; body: ErrorBody; logged?: boolean } {
    if (exception instanceof YardError) return { status: httpStatusOf(exception.code), body: exception.toBody(correlationId) };
    const refusal = bodyReadRefusal(exception) ?? messageTooLargeOf(exception);
    if (refusal) return { status: httpStatusOf(refusal.code), body: refusal.toBody(correlationId) };
    const outage = this.databaseOutage(exception);
    if (outage) return { status: httpStatusOf(outage.code), body: outage.toBody(correlationId), logged: true };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = status === 404 ? ErrorCode.RouteNotFound : status < 500 ? ErrorCode.MalformedRequest : ErrorCode.Internal;
      return { status, body: { code, message: exception.message, correlationId } };
    }
    return { status: 500, body: { code: ErrorCode.Internal, message: 'Internal error', correlationId } };
  }

  private databaseOutage(exception: unknown): YardError | null {
    const outage = databaseOutageOf(exception, this.config?.database?.databaseUrl);
    if (outage) this.databaseOutages.note(outage.message);
    return outage;
  }
}
