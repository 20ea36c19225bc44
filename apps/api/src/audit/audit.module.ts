import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RoundsModule } from '../rounds/rounds.module';
import { CheckpointKey } from './checkpoint-key';
import { EvidenceBundleController } from './evidence-bundle/evidence-bundle.http.controller';
import { EvidenceBundleHandler } from './evidence-bundle/evidence-bundle.handler';
import { RoundStateController } from './round-state/round-state.http.controller';
import { RoundStateHandler } from './round-state/round-state.handler';
import { VerifyRoundController } from './verify-round/verify-round.http.controller';
import { VerifyRoundHandler } from './verify-round/verify-round.handler';

/** The auditor's view of a round: its verification in the store, its state after any event, its evidence bundle. */
@Module({
  imports: [CqrsModule, RoundsModule],
  controllers: [VerifyRoundController, RoundStateController, EvidenceBundleController],
  providers: [CheckpointKey, VerifyRoundHandler, RoundStateHandler, EvidenceBundleHandler],
})
export class AuditModule {}
