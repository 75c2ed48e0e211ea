import { Inject, Injectable, PayloadTooLargeException, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { ErrorCode, YardError } from '@yardmaster/contracts';
import type { Request } from 'express';
import { catchError, throwError, type Observable } from 'rxjs';
import { API_CONFIG } from '../../api-config.token';
import type { ApiConfig } from '../../config';

const CURRENT_FILE_PART = Symbol('currentFilePart');

type WithCurrentPart = Request & { [CURRENT_FILE_PART]?: string };

/**
 * multer's `fileFilter`, used only to note which file part is being read: multipart parts arrive one after
 * another, so when multer stops at the size limit, the part it stopped in is the last one noted.
 */
export function noteFilePart(request: WithCurrentPart, file: { fieldname: string }, accept: (error: Error | null, acceptFile: boolean) => void): void {
  request[CURRENT_FILE_PART] = file.fieldname;
  accept(null, true);
}

/**
 * Bound before multer: its "file too large" (past YARD_API_MAX_UPLOAD_BYTES) becomes FILE_TOO_LARGE naming the
 * field, as a file over its variable's own cap does.
 */
@Injectable()
export class UploadLimitInterceptor implements NestInterceptor {
  constructor(@Inject(API_CONFIG) private readonly config: ApiConfig) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<WithCurrentPart>();
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!(error instanceof PayloadTooLargeException)) return throwError(() => error);
        const part = request[CURRENT_FILE_PART];
        const message = `must be at most ${this.config.maxUploadBytes} bytes, the most the API accepts for one file`;
        return throwError(() => new YardError(ErrorCode.FileTooLarge, 'A file is larger than the API accepts', [{ field: part ? `data.${part}` : 'data', message }]));
      }),
    );
  }
}
