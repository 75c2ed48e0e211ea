import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ErrorCode, YardError, type ErrorBody } from '@yardmaster/contracts';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { httpStatusOf } from './http-status-of';

/** Every error leaves the API as `{ code, message, fieldErrors?, correlationId }` with a fitting status. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const correlationId = String(request.headers['x-correlation-id'] ?? randomUUID());
    const { status, body } = this.translate(exception, correlationId);
    // RFC 6750: a 401 names the scheme the client should use.
    if (status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="yardmaster"');
    if (status >= 500) this.logger.error(`${request.method} ${request.url}: ${exception instanceof Error ? exception.stack : String(exception)}`);
    response.status(status).json(body);
  }

  private translate(exception: unknown, correlationId: string): { status: number; body: ErrorBody } {
    if (exception instanceof YardError) {
      return { status: httpStatusOf(exception.code), body: exception.toBody(correlationId) };
    }
    // Express's JSON body parser marks a body it cannot parse with `type: 'entity.parse.failed'`.
    if (isBodyParserError(exception)) {
      return { status: 400, body: { code: ErrorCode.MalformedRequest, message: `The request body is not valid JSON: ${exception.message}`, correlationId } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = status === 404 ? ErrorCode.RouteNotFound : status < 500 ? ErrorCode.MalformedRequest : ErrorCode.Internal;
      return { status, body: { code, message: exception.message, correlationId } };
    }
    return { status: 500, body: { code: ErrorCode.Internal, message: 'Internal error', correlationId } };
  }
}

function isBodyParserError(exception: unknown): exception is Error & { type: string } {
  return exception instanceof Error && (exception as { type?: unknown }).type === 'entity.parse.failed';
}
