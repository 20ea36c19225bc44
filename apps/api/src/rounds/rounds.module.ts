import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RoundAccess } from '../access/round-access';
import { CalendarModule } from '../calendar/calendar.module';
import { CheckPlanController } from './check-plan/check-plan.http.controller';
import { CheckPlanHandler } from './check-plan/check-plan.handler';
import { CheckDecisionController } from './check-decision/check-decision.http.controller';
import { CheckDecisionHandler } from './check-decision/check-decision.handler';
import { DecideController } from './decide/decide.http.controller';
import { DecideHandler } from './decide/decide.handler';
import { DecisionRecorder } from './decide/decision-recorder';
import { ImportApplicantsController } from './import-applicants/import-applicants.http.controller';
import { ImportApplicantsHandler } from './import-applicants/import-applicants.handler';
import { FileUploadGuard } from './import-applicants/upload.guard';
import { GetRoundController } from './get-round/get-round.http.controller';
import { GetRoundHandler } from './get-round/get-round.handler';
import { GetTimelineController } from './get-timeline/get-timeline.http.controller';
import { GetTimelineHandler } from './get-timeline/get-timeline.handler';
import { InboxController } from './inbox/inbox.http.controller';
import { InboxHandler } from './inbox/inbox.handler';
import { ListApplicantsController } from './list-applicants/list-applicants.http.controller';
import { ListApplicantsHandler } from './list-applicants/list-applicants.handler';
import { ListRoundsController } from './list-rounds/list-rounds.http.controller';
import { ListRoundsHandler } from './list-rounds/list-rounds.handler';
import { PlanRoundController } from './plan-round/plan-round.http.controller';
import { PlanRoundHandler } from './plan-round/plan-round.handler';
import { ProjectionWatermark } from './read-after/projection-watermark';
import { ReadAfterInterceptor } from './read-after/read-after';
import { RoundFactsCache } from './round-facts';
import { PublishedResultsController } from '../public/published-results/published-results.http.controller';
import { PublishedResultsHandler } from '../public/published-results/published-results.handler';

/** Selection rounds: one folder per use case (command or query), each with its controller and handler. */
@Module({
  imports: [CqrsModule, CalendarModule],
  controllers: [
    CheckPlanController,
    PlanRoundController,
    DecideController,
    CheckDecisionController,
    ImportApplicantsController,
    ListRoundsController,
    GetRoundController,
    ListApplicantsController,
    GetTimelineController,
    InboxController,
    PublishedResultsController,
  ],
  providers: [
    RoundFactsCache,
    RoundAccess,
    ProjectionWatermark,
    ReadAfterInterceptor,
    DecisionRecorder,
    PlanRoundHandler,
    DecideHandler,
    CheckDecisionHandler,
    CheckPlanHandler,
    ImportApplicantsHandler,
    FileUploadGuard,
    ListRoundsHandler,
    GetRoundHandler,
    ListApplicantsHandler,
    GetTimelineHandler,
    InboxHandler,
    PublishedResultsHandler,
  ],
  // The audit area lets a round's own participants read its state with the same checks.
  exports: [RoundAccess],
})
export class RoundsModule {}
