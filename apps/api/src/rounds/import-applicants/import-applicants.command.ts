import { Command } from '@nestjs/cqrs';
import { z } from 'zod';
import { responseSchema } from '../../validation/response-schema';
import type { CommandContext } from '../command-context';
import type { RoundRef } from '../round-id';
import type { Upload } from './upload.guard';

const bilingual = z.object({ id: z.string(), en: z.string() });

/** One row's outcome: registered (its applicant id), or why not (the domain's code, rule and reason, or the column at fault). */
export const importedRow = responseSchema(
  'ApplicantImportRow',
  z.object({
    row: z.number().int().describe('The row number as a spreadsheet shows it (the header is row 1)'),
    status: z.enum(['accepted', 'rejected']),
    applicantId: z.string().optional(),
    nip: z.string().optional(),
    code: z
      .string()
      .optional()
      .describe(
        "REQUEST.INVALID for a cell the format refuses; else the domain's code, e.g. APPLICANT.DUPLICATE",
      ),
    ruleId: z.string().optional(),
    reason: bilingual.optional(),
    field: z.string().optional().describe("The column at fault, as the file's header names it"),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
);

export const importReport = responseSchema(
  'ApplicantImportReport',
  z.object({
    roundId: z.string(),
    format: z.enum(['csv', 'xlsx']),
    sha256: z.string().describe('Of the file: a retried import of the same file registers nobody twice'),
    accepted: z.number().int(),
    version: z
      .number()
      .int()
      .nullable()
      .describe(
        'The round stream version after the last accepted row (for `minVersion` on reads); null when none was accepted',
      ),
    rejected: z.number().int(),
    ignoredColumns: z.array(z.string()).describe('Header cells that name no column of the format'),
    rows: z.array(importedRow),
  }),
);
export type ImportReport = z.infer<typeof importReport>;
export type ImportedRow = z.infer<typeof importedRow>;

/** Registers the applicants of an uploaded list, one RegisterApplicant decision per row. */
export class ImportApplicantsCommand extends Command<ImportReport> {
  constructor(
    readonly ctx: CommandContext,
    readonly round: RoundRef,
    readonly file: Upload,
  ) {
    super();
  }
}
