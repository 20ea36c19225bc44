import { Controller, Headers, HttpCode, Param, Post, UploadedFile, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiHeader,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { ProblemException } from '../../problem/problem-details.filter';
import { invalidRequest } from '../../problem/problems';
import { ApiJsonResponse } from '../../validation/response-schema';
import { ZodPipe } from '../../validation/zod.pipe';
import { Caller, type CommandContext } from '../command-context';
import { problemResponse } from '../openapi';
import { roundIdParam, type RoundRef } from '../round-id';
import { ImportApplicantsCommand, importReport, type ImportReport } from './import-applicants.command';
import { FileUploadGuard, MAX_UPLOAD_BYTES, type Upload } from './upload.guard';

/**
 * Registering many applicants at once from the list a regional office keeps (CSV or XLSX; the
 * format is in docs/api.md): one RegisterApplicant decision per row, and a report per row.
 */
@ApiTags('decisions')
@ApiBearerAuth()
@Controller('rounds/:roundId/applicant-imports')
export class ImportApplicantsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @UseGuards(FileUploadGuard)
  @ApiOperation({
    summary: 'Register the applicants of a CSV or XLSX file, one RegisterApplicant per row; a report per row',
    operationId: 'importApplicants',
  })
  @ApiParam({ name: 'roundId', example: 'round-kabcontoh-2024-01' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      "Retry-safe key (per caller, kept 24 h); without one, rows are deduplicated by the file's content",
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: {
          type: 'string',
          format: 'binary',
          description: `CSV (UTF-8, comma or semicolon) or XLSX, at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB and 2,000 rows`,
        },
      },
    },
  })
  @ApiJsonResponse(importReport, 200, 'Every row, accepted or rejected with its reason')
  @problemResponse(
    400,
    'REQUEST.INVALID (no file field), IMPORT.NO_HEADER, IMPORT.NO_ROWS, IMPORT.MISSING_COLUMNS, IMPORT.DUPLICATE_COLUMN',
  )
  @problemResponse(401, 'AUTH.UNAUTHENTICATED')
  @problemResponse(403, "AUTH.FORBIDDEN: not an operator of the round's agency (or admin)")
  @problemResponse(404, 'ROUND.NOT_FOUND')
  @problemResponse(409, 'ROUND.FINISHED, IDEMPOTENCY.IN_PROGRESS')
  @problemResponse(
    413,
    'REQUEST.TOO_LARGE (over 2 MB), IMPORT.TOO_MANY_ROWS, IMPORT.TOO_MANY_CELLS, IMPORT.CELL_TOO_LONG, IMPORT.TOO_MANY_ENTRIES, IMPORT.EXPANDS_TOO_MUCH, IMPORT.TOO_LARGE: details.limit names the limit (docs/api.md)',
  )
  @problemResponse(
    415,
    'REQUEST.UNSUPPORTED_MEDIA_TYPE (not multipart/form-data), IMPORT.UNSUPPORTED_FORMAT (neither CSV nor XLSX)',
  )
  @problemResponse(422, 'IDEMPOTENCY.KEY_REUSED')
  @problemResponse(429, 'RATE.LIMITED')
  import(
    @Caller() ctx: CommandContext,
    @Param('roundId', new ZodPipe(roundIdParam, 'round id')) round: RoundRef,
    @Headers('content-type') contentType: string | undefined,
    @UploadedFile() file: Upload | undefined,
  ): Promise<ImportReport> {
    if (!/^multipart\/form-data\b/i.test(contentType ?? '')) {
      throw new ProblemException({
        status: 415,
        code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
        detail: 'Send the file as multipart/form-data, in a field named "file".',
      });
    }
    if (!file)
      throw invalidRequest('The form has no file: send it in a field named "file".', [
        { path: 'file', message: 'required' },
      ]);
    return this.commands.execute(new ImportApplicantsCommand(ctx, round, file));
  }
}
