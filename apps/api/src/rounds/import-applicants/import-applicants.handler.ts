import { createHash } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { RoundCommand } from '@selter/domain';
import { RoundAccess } from '../../access/round-access';
import type { Clock } from '../../clock/clock';
import { CLOCK } from '../../infrastructure/tokens';
import { RoundWorkflows } from '../../workflows/round-workflows';
import { finishedProblem } from '../../workflows/temporal-problems';
import { ProblemException } from '../../problem/problem-details.filter';
import { metadataFor, type CommandContext } from '../command-context';
import { DecisionRecorder } from '../decide/decision-recorder';
import type { RoundRef } from '../round-id';
import { readSheet } from './applicant-file';
import { layoutOf, registrationOf, type RowFault } from './applicant-rows';
import { runKeyed } from './keyed-pool';
import { ImportApplicantsCommand, type ImportedRow, type ImportReport } from './import-applicants.command';

/** Registrations in flight at once: the workflow decides several per task (about 35 ms a row one at a time). */
const IN_FLIGHT = 8;

/** How long a row may keep meeting a busy round (429, another import or many operators at once) before it is reported busy. */
const BUSY_BUDGET_MS = 30_000;

/** Refusals about the round itself, not a row: the import stops with them. */
const ROUND_LEVEL = new Set(['ROUND.NOT_FOUND', 'ROUND.FINISHED']);

const sha256 = (value: string | Buffer): string => createHash('sha256').update(value).digest('hex');

type Registration = Extract<RoundCommand, { type: 'RegisterApplicant' }>['data'];

/** Rows sharing a NIP or an applicant id are registered in file order. */
const keysOf = (p: { data: Registration } | object): string[] =>
  'data' in p ? [`nip ${p.data.applicant.nip}`, `id ${p.data.applicantId}`] : [];

const rejectedRow = (row: number, fault: RowFault): ImportedRow => ({
  row,
  status: 'rejected',
  code: 'REQUEST.INVALID',
  ...fault,
});

/**
 * An applicant list (CSV or XLSX) registered row by row, each row exactly as a single registration:
 * the same authorisation, the same body schema, the same Update through the recorder. Rows go a few
 * at a time, but rows sharing a NIP or an applicant id in file order (so of two rows with one NIP
 * the first is registered and the second refused by the domain, as if sent one by one). A
 * row's Update id derives from the request's Idempotency-Key or else the file's sha256, and the row
 * number: a retried import (after a timeout, say) gets the recorded answers back and registers nobody twice.
 */
@CommandHandler(ImportApplicantsCommand)
export class ImportApplicantsHandler implements ICommandHandler<ImportApplicantsCommand, ImportReport> {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly rounds: RoundWorkflows,
    private readonly access: RoundAccess,
    private readonly recorder: DecisionRecorder,
  ) {}

  async execute({ ctx, round, file }: ImportApplicantsCommand): Promise<ImportReport> {
    await this.access.assertDecide(ctx.principal, round, 'RegisterApplicant', {});
    const state = await this.rounds.state(round);
    if (state.status === 'closed' || state.status === 'cancelled') throw finishedProblem(round.id, 'ROUND');
    const sheet = await readSheet(file.buffer);
    const layout = layoutOf(sheet.header);
    const digest = sha256(file.buffer);
    const parsed = sheet.rows.map(({ row, cells }) => ({ row, ...registrationOf(layout, cells) }));
    const retryKey = ctx.idempotencyKey ?? digest;
    const produced = { version: 0 };
    const rows = await runKeyed(parsed, keysOf, IN_FLIGHT, (p) =>
      'fault' in p
        ? Promise.resolve(rejectedRow(p.row, p.fault))
        : this.register(ctx, round, p.row, p.data, retryKey, produced),
    );
    const accepted = rows.filter((r) => r.status === 'accepted').length;
    return {
      roundId: round.id,
      format: sheet.format,
      sha256: digest,
      accepted,
      version: produced.version > 0 ? produced.version : null,
      rejected: rows.length - accepted,
      ignoredColumns: [...layout.ignored],
      rows,
    };
  }

  /** Registers one row; its Update id is the same for the same caller, round, file (or Idempotency-Key) and row. */
  private async register(
    ctx: CommandContext,
    round: RoundRef,
    row: number,
    data: Registration,
    retryKey: string,
    produced: { version: number },
  ): Promise<ImportedRow> {
    const command: RoundCommand = { type: 'RegisterApplicant', data, metadata: metadataFor(ctx, this.clock) };
    const line = { row, applicantId: data.applicantId, nip: data.applicant.nip };
    const decisionId = sha256(`${ctx.principal.id}\n${round.id}\n${retryKey}\nrow ${row}`);
    try {
      const { version } = await this.whileBusy(() => this.recorder.record(ctx, round, command, decisionId));
      produced.version = Math.max(produced.version, version);
      return { ...line, status: 'accepted' };
    } catch (error) {
      // Outages and bugs end the import (a retry is safe, see above); a refusal is this row's answer.
      if (
        !(error instanceof ProblemException) ||
        ROUND_LEVEL.has(error.problem.code) ||
        error.problem.status >= 500
      )
        throw error;
      const { code, ruleId, reason, detail } = error.problem;
      return {
        ...line,
        status: 'rejected',
        code,
        ...(ruleId ? { ruleId } : {}),
        reason: reason ?? { id: detail ?? code, en: detail ?? code },
      };
    }
  }

  /** Sends a row again after the advised delay while the round is busy (429: nothing was decided), within BUSY_BUDGET_MS. */
  private async whileBusy<T>(send: () => Promise<T>): Promise<T> {
    const giveUpAt = Date.now() + BUSY_BUDGET_MS;
    for (;;) {
      try {
        return await send();
      } catch (error) {
        const retryAfter =
          error instanceof ProblemException && error.problem.status === 429
            ? (error.problem.retryAfter ?? 1) * 1000
            : undefined;
        if (retryAfter === undefined || Date.now() + retryAfter > giveUpAt) throw error;
        await new Promise((resolve) => setTimeout(resolve, retryAfter));
      }
    }
  }
}
