import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { CqrsModule } from '@nestjs/cqrs';
import { RotationAccess } from '../access/rotation-access';
import { CheckRotationDecisionController } from './check-rotation-decision/check-rotation-decision.http.controller';
import { CheckRotationDecisionHandler } from './check-rotation-decision/check-rotation-decision.handler';
import { DecideRotationController } from './decide-rotation/decide-rotation.http.controller';
import { DecideRotationHandler } from './decide-rotation/decide-rotation.handler';
import { PlanRotationController } from './plan-rotation/plan-rotation.http.controller';
import { PlanRotationHandler } from './plan-rotation/plan-rotation.handler';
import { RotationRecorder } from './rotation-recorder';

/** Rotations of sitting officials (uji kompetensi): plan, then each decision as its Update. */
@Module({
  imports: [CqrsModule, CalendarModule],
  controllers: [PlanRotationController, DecideRotationController, CheckRotationDecisionController],
  providers: [
    RotationAccess,
    RotationRecorder,
    PlanRotationHandler,
    DecideRotationHandler,
    CheckRotationDecisionHandler,
  ],
})
export class RotationsModule {}
