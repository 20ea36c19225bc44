import { Query } from '@nestjs/cqrs';
import type { PlanCheck } from '@selter/domain';
import { z } from 'zod';
import { responseSchema } from '../../validation/response-schema';
import type { CommandContext } from '../command-context';
import { planRoundRequest } from '../plan-round/plan-round.request';

/** POST /rounds/plan-check: the body of POST /rounds; the round id may still be unset while editing. */
export const planCheckRequest = planRoundRequest.partial({ roundId: true });
export type PlanCheckRequest = z.infer<typeof planCheckRequest>;

/** One finding against a plan: what a refusal carries (code, rule, bilingual reason, details). */
export const planFinding = responseSchema(
  'PlanFinding',
  z.object({
    code: z.string().meta({ example: 'PANSEL.SIZE_OUT_OF_RANGE' }),
    ruleId: z.string().optional().describe('The rule (R1-R33) the finding enforces'),
    reason: z.object({ id: z.string().describe('Bahasa Indonesia'), en: z.string().describe('English') }),
    details: z.looseObject({}),
  }),
);

/** What the plan dry run answers: the policy the plan would be judged by, and every finding. */
export const planCheckView = responseSchema(
  'PlanCheck',
  z.object({
    policyId: z
      .string()
      .describe('The policy the plan would be judged by: the one asked for, or the one in force today'),
    ok: z.boolean().describe('No findings: POST /rounds would accept this plan now'),
    internalMembers: z
      .array(z.string())
      .describe(
        "The pansel members R2 counts as internal, from their employers (the agency's own officials)",
      ),
    findings: z
      .array(planFinding)
      .describe(
        'Every finding, in the order the domain checks them; the real decision is refused with the first',
      ),
  }),
);
export type PlanCheckView = z.infer<typeof planCheckView>;

/** The domain's dry run as the API answers it. */
export function planCheckAnswer(check: PlanCheck): PlanCheckView {
  return {
    policyId: check.policyId,
    ok: check.findings.length === 0,
    internalMembers: [...check.internalMembers],
    findings: check.findings.map((f) => f.toJSON()),
  };
}

/** Would this plan be accepted now? Every finding, nothing recorded. */
export class CheckPlanQuery extends Query<PlanCheckView> {
  constructor(
    readonly ctx: CommandContext,
    readonly request: PlanCheckRequest,
  ) {
    super();
  }
}
