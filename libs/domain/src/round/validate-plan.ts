import { accreditationFindings } from './assessment-centres';
import type { PostPlan, RoundPlan } from './plan-types';
import { panselFindings } from './validate-pansel';
import { stageContentFindings } from './stage-content';
import { stageCatalogueFindings } from './validate-stages';
import type { Policy } from '../policy/types';
import { finding, findingsOf, throwFirst, type DomainError } from '../shared/errors';
import type { Reason } from '../shared/rule-id';
import { addDays, addYears, compareDates, dayNumber, hasCompletedYears, type IsoDate } from '../shared/time';

/** R28: an incumbent may not be replaced within 2 years of inauguration, save for the legal exceptions. */
export function validateReplacementLock(post: PostPlan, today: IsoDate, policy: Policy): void {
  throwFirst(replacementLockFindings(post, today, policy));
}

/** R28 for one post: a finding when its incumbent is still within the lock. */
export function replacementLockFindings(post: PostPlan, today: IsoDate, policy: Policy): DomainError[] {
  const incumbent = post.incumbent;
  const lock = policy.numbers.replacementLockYears;
  if (!incumbent || incumbent.removalGround || hasCompletedYears(incumbent.inauguratedOn, today, lock.value))
    return [];
  const until = addYears(incumbent.inauguratedOn, lock.value);
  return [
    finding(
      'POST.REPLACEMENT_LOCKED',
      `Pejabat ${incumbent.nip} dilantik ${incumbent.inauguratedOn}; tidak dapat diganti sebelum ${until} (R28, ${lock.source})`,
      `Incumbent ${incumbent.nip} was inaugurated on ${incumbent.inauguratedOn}; cannot be replaced before ${until} (R28, ${lock.source})`,
      { postId: post.postId, inauguratedOn: incumbent.inauguratedOn, lockedUntil: until },
    ),
  ];
}

/** R4: the deadline must fall at least the lead time after the announcement. */
export function validateLeadTime(
  announcedOn: IsoDate,
  deadline: IsoDate,
  policy: Policy,
  holidays: ReadonlySet<IsoDate>,
): void {
  throwFirst(leadTimeFindings(announcedOn, deadline, policy, holidays));
}

/** R4's counting convention in words, as the refusal names it (e.g. "15 calendar days, the announcement day counted"). */
export function leadConventionReason(policy: Policy): Reason {
  const { announcementLeadDays: lead, announcementLeadCounting: counting } = policy.numbers;
  const first = policy.numbers.announcementLeadConvention.value === 'announcement-day-counts';
  return {
    id: `${lead.value} hari ${counting.value === 'calendar' ? 'kalender' : 'kerja'}, ${first ? 'hari pengumuman dihitung' : 'dihitung sejak hari setelah pengumuman'}`,
    en: `${lead.value} ${counting.value} days, ${first ? 'the announcement day counted' : 'counted from the day after the announcement'}`,
  };
}

/**
 * The earliest deadline the lead time allows. With the announcement day counted it is day 1, so
 * 31 Jul + 15 calendar days ends on 14 Aug (in working days, when the announcement is on one).
 */
export function earliestDeadline(
  announcedOn: IsoDate,
  policy: Policy,
  holidays: ReadonlySet<IsoDate>,
): IsoDate {
  const { announcementLeadDays: lead, announcementLeadCounting: counting } = policy.numbers;
  const first = policy.numbers.announcementLeadConvention.value === 'announcement-day-counts';
  return addDays(announcedOn, first ? lead.value - 1 : lead.value, counting.value, holidays);
}

/** R4 as a finding, when the deadline comes too soon after the announcement; it names the convention. */
export function leadTimeFindings(
  announcedOn: IsoDate,
  deadline: IsoDate,
  policy: Policy,
  holidays: ReadonlySet<IsoDate>,
): DomainError[] {
  const { announcementLeadDays: lead, announcementLeadCounting: counting } = policy.numbers;
  const convention = policy.numbers.announcementLeadConvention;
  const earliest = earliestDeadline(announcedOn, policy, holidays);
  if (compareDates(deadline, earliest) >= 0) return [];
  const named = leadConventionReason(policy);
  return [
    finding(
      'ROUND.ANNOUNCEMENT_LEAD_TOO_SHORT',
      `Batas pendaftaran ${deadline} kurang dari ${named.id} sejak pengumuman ${announcedOn}; paling cepat ${earliest} (R4, ${lead.source}; cara hitung kebijakan ${policy.id})`,
      `Deadline ${deadline} is less than ${named.en} from the announcement on ${announcedOn}; earliest ${earliest} (R4, ${lead.source}; counting convention of policy ${policy.id})`,
      {
        announcedOn,
        deadline,
        earliest,
        leadDays: lead.value,
        counting: counting.value,
        convention: convention.value,
        conventionSource: convention.source,
        policyId: policy.id,
      },
    ),
  ];
}

/**
 * R24: a provincial Sekda is a JPT madya post, filled by the President on the Minister of Home
 * Affairs' proposal (PP 11/2017 Pasal 126), never in a JPT pratama round.
 */
function levelFindings(plan: RoundPlan): DomainError[] {
  if (plan.agency.level !== 'province') return [];
  return plan.posts.flatMap((post, i) =>
    post.kind === 'sekda'
      ? [
          finding(
            'POST.NOT_JPT_PRATAMA',
            `${post.postId}: Sekda provinsi adalah JPT madya (PP 11/2017 Pasal 126), bukan jabatan seleksi JPT pratama (R24)`,
            `${post.postId}: a provincial Sekda is a JPT madya post (PP 11/2017 Pasal 126), not a JPT pratama selection (R24)`,
            { postId: post.postId, field: `plan.posts.${i}.kind`, agencyLevel: plan.agency.level },
          ),
        ]
      : [],
  );
}

function postFindings(posts: readonly PostPlan[]): DomainError[] {
  const findings: DomainError[] = [];
  if (posts.length === 0)
    findings.push(finding('PLAN.INVALID', 'Rencana tidak memuat jabatan', 'The plan has no posts', {}));
  const ids = new Set(posts.map((p) => p.postId));
  if (ids.size !== posts.length)
    findings.push(finding('PLAN.INVALID', 'Id jabatan harus unik', 'Post ids must be unique', {}));
  return findings;
}

/** The schedule's dates (a malformed one is a finding of its own) and R4. */
function scheduleFindings(
  schedule: RoundPlan['schedule'],
  policy: Policy,
  holidays: ReadonlySet<IsoDate>,
): DomainError[] {
  const { announcementOn, registrationDeadline, referenceDate } = schedule;
  const dates = [
    ...findingsOf(() => dayNumber(referenceDate)),
    ...findingsOf(() => dayNumber(announcementOn)),
    ...findingsOf(() => dayNumber(registrationDeadline)),
  ];
  if (dates.length > 0) return dates;
  return leadTimeFindings(announcementOn, registrationDeadline, policy, holidays);
}

/** Everything checkable when a plan is made or revised; a command is refused with the first finding. */
export function validatePlan(
  plan: RoundPlan,
  today: IsoDate,
  policy: Policy,
  holidays: ReadonlySet<IsoDate>,
): void {
  throwFirst(planFindings(plan, today, policy, holidays));
}

/** Every finding on a plan at once, in the order `validatePlan` refuses by (the plan dry run's answer). */
export function planFindings(
  plan: RoundPlan,
  today: IsoDate,
  policy: Policy,
  holidays: ReadonlySet<IsoDate>,
): DomainError[] {
  return [
    ...postFindings(plan.posts),
    ...levelFindings(plan),
    ...plan.posts.flatMap((post) => replacementLockFindings(post, today, policy)),
    ...panselFindings(plan.pansel.members, policy, plan.agency),
    ...stageCatalogueFindings(plan.stages),
    ...stageContentFindings(plan),
    ...scheduleFindings(plan.schedule, policy, holidays),
    ...accreditationFindings(plan.assessmentProvider, today),
  ];
}
