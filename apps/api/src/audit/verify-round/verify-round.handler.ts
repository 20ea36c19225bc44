import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  checkpointCosigners,
  requestCheckpoint,
  verifyStream,
  type BundleProblem,
} from '@selter/event-store';
import type { Sql } from 'postgres';
import { RoundAccess } from '../../access/round-access';
import { nowInstant, type Clock } from '../../clock/clock';
import { CLOCK, SQL } from '../../infrastructure/tokens';
import { notFound } from '../../problem/problems';
import { CheckpointKey } from '../checkpoint-key';
import { VerifyRoundQuery, type RoundVerification, type VerificationProblem } from './verify-round.query';

const toProblem = (p: BundleProblem): VerificationProblem => ({
  code: p.code,
  version: p.streamVersion ?? null,
  globalPosition: p.globalPosition ?? null,
  checkpointSequence: p.checkpointSequence ?? null,
  detail: p.reason,
});

/** Verifies a round's stream in the store as an offline auditor verifies its bundle, and says where it first fails. */
@QueryHandler(VerifyRoundQuery)
export class VerifyRoundHandler implements IQueryHandler<VerifyRoundQuery, RoundVerification> {
  constructor(
    @Inject(SQL) private readonly sql: Sql,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly key: CheckpointKey,
    private readonly access: RoundAccess,
  ) {}

  async execute({ principal, round }: VerifyRoundQuery): Promise<RoundVerification> {
    await this.access.assertAudit(principal, round);
    const verdict = await verifyStream(this.sql, round.id, this.key.get());
    const { head, checkpoint } = verdict;
    if (!head) throw notFound('ROUND.NOT_FOUND', `No round ${round.id}.`);
    // Events after the latest checkpoint are checked by their chain alone: ask for one, so the next look proves them.
    if (!checkpoint || checkpoint.coveredVersion < head.version)
      void requestCheckpoint(this.sql).catch(() => undefined);
    const problems = verdict.problems.map(toProblem);
    const versions = problems.flatMap((p) => (p.version === null ? [] : [p.version]));
    // Issue 14 item 3 (witness): who cosigned the round's checkpoint.
    const cosigners = checkpoint ? await checkpointCosigners(this.sql, checkpoint.sequence) : [];
    return {
      roundId: round.id,
      verified: verdict.ok,
      events: verdict.events,
      headVersion: head.version,
      headHash: head.hash,
      firstBadVersion: versions.length ? Math.min(...versions) : null,
      problems,
      checkpoint: checkpoint
        ? {
            sequence: checkpoint.sequence,
            size: checkpoint.treeSize,
            logPosition: checkpoint.lastGlobalPosition,
            signedAt: checkpoint.createdAt,
            keyFingerprint: checkpoint.keyId,
            coveredVersion: checkpoint.coveredVersion,
            cosignedBy: cosigners,
          }
        : null,
      store: { ...verdict.store, problems: verdict.store.problems.map(toProblem) },
      checkedAt: nowInstant(this.clock),
    };
  }
}
