import { useEffect, useState } from 'react';
import { bodyOf } from '../../../api/call';
import type { Api } from '../../../api/client';
import type { components, paths } from '../../../api/schema';

/** POST /rounds/plan-check: the body of POST /rounds, the round id optional. */
export type PlanCheckRequest =
  paths['/rounds/plan-check']['post']['requestBody']['content']['application/json'];
/** The dry run's answer: the policy the plan would be judged by and every finding. */
export type PlanCheck = components['schemas']['PlanCheck'];
export type PlanFinding = components['schemas']['PlanFinding'];

/** The live judgement of a plan being edited: none yet, the API's findings, or why it could not judge. */
export type PlanJudgement =
  | { state: 'waiting' }
  | { state: 'checking' }
  | { state: 'checked'; check: PlanCheck }
  | { state: 'failed'; failure: unknown };

/** How long the editor waits after the last keystroke before asking the API. */
const QUIET_MS = 300;

/**
 * Asks the API to judge the plan (POST /rounds/plan-check) a moment after each change: every
 * finding of the domain's validators at once, so the editor shows them all without a copy of the
 * rules. The last answer stays on screen while the next is on its way; a stale answer is dropped.
 */
export function usePlanCheck(api: Api, request: PlanCheckRequest): PlanJudgement {
  const [judgement, setJudgement] = useState<PlanJudgement>({ state: 'checking' });
  const serialized = JSON.stringify(request);
  const ready = hasEveryPart(request.plan);
  useEffect(() => {
    if (!ready) return;
    let current = true;
    const timer = setTimeout(() => {
      bodyOf(api.POST('/rounds/plan-check', { body: JSON.parse(serialized) as PlanCheckRequest })).then(
        (check) => current && setJudgement({ state: 'checked', check }),
        (failure: unknown) => current && setJudgement({ state: 'failed', failure }),
      );
    }, QUIET_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, serialized, ready]);
  return ready ? judgement : { state: 'waiting' };
}

/**
 * Whether the draft has every part a plan is made of (a post, a member, a stage, the three dates):
 * before that there is nothing for the rules to judge, and the API would answer 400 for the shape.
 */
function hasEveryPart(plan: PlanCheckRequest['plan']): boolean {
  const { announcementOn, registrationDeadline, referenceDate } = plan.schedule;
  return (
    plan.posts.length > 0 &&
    plan.pansel.members.length > 0 &&
    plan.stages.length > 0 &&
    Boolean(announcementOn && registrationDeadline && referenceDate)
  );
}

/** The part of the plan editor a finding belongs to, by its code. */
export type PlanSection = 'posts' | 'pansel' | 'stages' | 'schedule' | 'plan';

export function sectionOf(code: string): PlanSection {
  if (code.startsWith('PANSEL.')) return 'pansel';
  if (code.startsWith('POST.') || code === 'PLAN.INVALID') return 'posts';
  if (code.startsWith('PLAN.STAGE') || code === 'PLAN.MANDATORY_STAGE_MISSING') return 'stages';
  if (code.startsWith('ROUND.ANNOUNCEMENT') || code.startsWith('TIME.')) return 'schedule';
  if (code === 'PLAN.ASSESSMENT_PROVIDER_NOT_ACCREDITED') return 'schedule';
  return 'plan';
}
