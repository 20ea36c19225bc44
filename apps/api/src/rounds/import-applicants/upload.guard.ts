import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { lastValueFrom, of } from 'rxjs';
import { LIMITS } from './import-limits';

/** The largest file an import takes (a few thousand rows of a spreadsheet fit well below it). */
export const MAX_UPLOAD_BYTES = LIMITS.fileBytes;

/** The uploaded file as multer's memory storage leaves it on the request. */
export interface Upload {
  readonly originalname: string;
  readonly mimetype: string;
  readonly size: number;
  readonly buffer: Buffer;
}

// Nest's own multipart interceptor (multer, in memory, one file of at most MAX_UPLOAD_BYTES: a
// larger one is 413, a file in another field 400). Run from a guard rather than as an interceptor:
// guards run after authentication and before the global Idempotency-Key interceptor, whose
// fingerprint of a request must cover the file.
const Multipart = FileInterceptor('file', {
  limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 11 },
});

/** Reads a `multipart/form-data` upload's `file` field into `request.file`; other requests pass untouched. */
@Injectable()
export class FileUploadGuard implements CanActivate {
  private readonly multipart = new Multipart();

  async canActivate(context: ExecutionContext): Promise<boolean> {
    await lastValueFrom(await this.multipart.intercept(context, { handle: () => of(null) }), {
      defaultValue: null,
    });
    return true;
  }
}
