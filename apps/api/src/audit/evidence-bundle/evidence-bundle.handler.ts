import { setTimeout as sleep } from 'node:timers/promises';
import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  checkpointCoversStream,
  exportBundle,
  readStream,
  requestCheckpoint,
  StreamNotCheckpointedError,
} from '@selter/event-store';
import type { Sql } from 'postgres';
import { RoundAccess } from '../../access/round-access';
import { SQL } from '../../infrastructure/tokens';
import { ProblemException } from '../../problem/problem-details.filter';
import { notFound } from '../../problem/problems';
import { CheckpointKey } from '../checkpoint-key';
import { EvidenceBundleQuery, NOT_CHECKPOINTED, type EvidenceBundleBody } from './evidence-bundle.query';

/** How long an export waits for the checkpoint it asked for (the backbone signs one within about a second). */
const WAIT_MS = 4_000;
const POLL_MS = 200;

/**
 * A round's evidence bundle. A bundle proves the round's last event inside a signed checkpoint, so
 * a round that moved since the latest one first asks the backbone for a checkpoint and waits
 * briefly; without one, 409 and the client retries (Retry-After).
 */
@QueryHandler(EvidenceBundleQuery)
export class EvidenceBundleHandler implements IQueryHandler<EvidenceBundleQuery, EvidenceBundleBody> {
  constructor(
    @Inject(SQL) private readonly sql: Sql,
    private readonly key: CheckpointKey,
    private readonly access: RoundAccess,
  ) {}

  async execute({ principal, round }: EvidenceBundleQuery): Promise<EvidenceBundleBody> {
    await this.access.assertAudit(principal, round);
    const publicKey = this.key.get();
    if ((await readStream(this.sql, round.id, { limit: 1 })).length === 0)
      throw notFound('ROUND.NOT_FOUND', `No round ${round.id}.`);
    if (!(await checkpointCoversStream(this.sql, round.id)) && !(await this.awaitCheckpoint(round.id))) {
      throw new ProblemException({
        status: 409,
        code: NOT_CHECKPOINTED,
        detail: `No signed checkpoint covers the last event of ${round.id} yet; one was requested: retry in a few seconds.`,
      });
    }
    try {
      return await exportBundle(this.sql, round.id, { publicKey });
    } catch (error) {
      // The round moved again between the check and the export.
      if (error instanceof StreamNotCheckpointedError)
        throw new ProblemException({ status: 409, code: NOT_CHECKPOINTED, detail: error.message });
      throw error;
    }
  }

  private async awaitCheckpoint(streamId: string): Promise<boolean> {
    await requestCheckpoint(this.sql);
    for (const deadline = Date.now() + WAIT_MS; Date.now() < deadline;) {
      await sleep(POLL_MS);
      if (await checkpointCoversStream(this.sql, streamId)) return true;
    }
    return false;
  }
}
