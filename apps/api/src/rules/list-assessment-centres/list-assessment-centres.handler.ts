import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ASSESSMENT_CENTRES } from '@selter/domain';
import { ListAssessmentCentresQuery, type AssessmentCentresView } from './list-assessment-centres.query';

/** The domain's list of accredited assessment centres (R12), as the plan editor offers them. */
@QueryHandler(ListAssessmentCentresQuery)
export class ListAssessmentCentresHandler implements IQueryHandler<
  ListAssessmentCentresQuery,
  AssessmentCentresView
> {
  private readonly view: AssessmentCentresView = {
    centres: ASSESSMENT_CENTRES.map((c) => ({ ...c, validUntil: c.validUntil ?? null })),
  };

  execute(): Promise<AssessmentCentresView> {
    return Promise.resolve(this.view);
  }
}
