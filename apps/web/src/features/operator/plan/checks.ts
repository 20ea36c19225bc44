import { MANDATORY_STAGE_KINDS, time, type Policy, type RuleId } from '@selter/domain';
import type { MemberDraft, PlanDraft, StageDraft } from './draft';

/**
 * The plan's rules as the operator edits it, computed in the browser from the policy's own numbers
 * (the same ones libs/domain/src/round/validate-*.ts judge with). Guidance only: the API decides.
 */
export interface Check {
  /** An i18n key under `checks.` naming what is checked. */
  id: string;
  ok: boolean;
  ruleId?: RuleId;
  values?: Record<string, string | number>;
}

export interface PanselShare {
  size: number;
  internal: number;
  external: number;
  /** 0-1; 0 for an empty pansel. */
  internalShare: number;
  externalShare: number;
}

export function panselShare(members: readonly MemberDraft[]): PanselShare {
  const size = members.length;
  const internal = members.filter((m) => m.affiliation === 'internal').length;
  return { size, internal, external: size - internal, internalShare: size ? internal / size : 0, externalShare: size ? (size - internal) / size : 0 };
}

const pct = (share: number): number => Math.round(share * 100);

/** R1 (size, odd), R2 (internal share), R3 (party members), and whether overseer officials may sit. */
export function panselChecks(members: readonly MemberDraft[], policy: Policy): Check[] {
  const { panselMinSize: min, panselMaxSize: max, panselMustBeOdd: odd, panselMaxInternalShare: cap } = policy.numbers;
  const share = panselShare(members);
  const checks: Check[] = [
    { id: 'panselSize', ok: share.size >= min.value && share.size <= max.value, ruleId: 'R1', values: { size: share.size, min: min.value, max: max.value } },
  ];
  if (odd.value) checks.push({ id: 'panselOdd', ok: share.size % 2 === 1, ruleId: 'R1', values: { size: share.size } });
  checks.push({
    id: 'panselShare',
    ok: share.size > 0 && share.internalShare <= cap.value,
    ruleId: 'R2',
    values: { internal: share.internal, size: share.size, internalPct: pct(share.internalShare), externalPct: pct(share.externalShare), maxPct: pct(cap.value), minExternalPct: 100 - pct(cap.value) },
  });
  checks.push({ id: 'panselParty', ok: !members.some((m) => m.politicalPartyMember), ruleId: 'R3' });
  if (!policy.oversightOfficialsMayJoinPansel.value) {
    checks.push({ id: 'panselOverseer', ok: !members.some((m) => m.oversightBody), ...(policy.oversightOfficialsMayJoinPansel.ruleId ? { ruleId: policy.oversightOfficialsMayJoinPansel.ruleId } : {}), values: { policy: policy.id } });
  }
  return checks;
}

/** Sum of the stage weights (percent of the final total). */
export const weightTotal = (stages: readonly StageDraft[]): number => stages.reduce((sum, s) => sum + (Number.isFinite(s.weight) ? s.weight : 0), 0);

/** Weights summing to 100, the administrative stage first, every mandatory kind (R20), pass marks of elimination stages. */
export function stageChecks(stages: readonly StageDraft[]): Check[] {
  const total = weightTotal(stages);
  const missing = MANDATORY_STAGE_KINDS.filter((kind) => !stages.some((s) => s.kind === kind));
  const noPassMark = stages.filter((s) => s.scoring === 'elimination' && (s.passMark === null || s.passMark < 0 || s.passMark > s.maxScore));
  return [
    { id: 'weightsTotal', ok: Math.abs(total - 100) < 1e-9, values: { total: Math.round(total * 100) / 100 } },
    { id: 'adminFirst', ok: stages[0]?.kind === 'administrative' },
    { id: 'mandatoryStages', ok: missing.length === 0, ruleId: 'R20' },
    noPassMark.length === 0 ? { id: 'passMarks', ok: true } : { id: 'passMarksMissing', ok: false, values: { stages: noPassMark.map((s) => s.name || s.stageId || '?').join(', ') } },
  ];
}

/** R4: the deadline at least the policy's lead time after the announcement (as the domain counts days). */
export function scheduleChecks(plan: Pick<PlanDraft, 'announcementOn' | 'registrationDeadline' | 'referenceDate'>, policy: Policy): Check[] {
  const { announcementLeadDays: lead, announcementLeadCounting: counting } = policy.numbers;
  const { announcementOn, registrationDeadline, referenceDate } = plan;
  const earliest = announcementOn ? time.addDays(announcementOn, lead.value, counting.value, new Set(policy.holidays.value)) : null;
  return [
    { id: 'datesSet', ok: Boolean(announcementOn && registrationDeadline && referenceDate) },
    { id: counting.value === 'calendar' ? 'leadTime' : 'leadTimeWorking', ok: Boolean(earliest && registrationDeadline && time.compareDates(registrationDeadline, earliest) >= 0), ruleId: 'R4', values: { days: lead.value, earliest: earliest ?? '–' } },
  ];
}

/** R28: a post whose incumbent was inaugurated less than the lock ago needs a legal ground. */
export function replacementChecks(plan: Pick<PlanDraft, 'posts'>, today: string, policy: Policy): Check[] {
  const lock = policy.numbers.replacementLockYears.value;
  const locked = plan.posts.filter((p) => p.incumbent?.inauguratedOn && !p.incumbent.removalGround && !time.hasCompletedYears(p.incumbent.inauguratedOn, today, lock));
  const values = { years: lock, posts: locked.map((p) => p.postId || p.title).join(', ') };
  return [locked.length === 0 ? { id: 'replacementLock', ok: true, ruleId: 'R28', values } : { id: 'replacementLocked', ok: false, ruleId: 'R28', values }];
}
