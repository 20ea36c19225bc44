import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import { responseSchema } from '../../validation/response-schema';

/** One accredited assessment centre (R12), as a plan names it by `centreId`. */
export const assessmentCentreView = responseSchema(
  'AssessmentCentre',
  z.object({
    id: z.string().describe("The plan's assessmentProvider.centreId"),
    name: z.string(),
    accreditedBy: z.string(),
    validFrom: z.string().describe('First day of the accreditation'),
    validUntil: z.string().nullable().describe('Last day of the accreditation, if it ended'),
    source: z.string().describe('The legal source of the accreditation'),
  }),
);

export const assessmentCentresView = responseSchema(
  'AssessmentCentreList',
  z.object({ centres: z.array(assessmentCentreView) }),
);
export type AssessmentCentresView = z.infer<typeof assessmentCentresView>;

/** The accredited assessment centres kept as data: the same for every caller, fixed for a release. */
export class ListAssessmentCentresQuery extends Query<AssessmentCentresView> {}
