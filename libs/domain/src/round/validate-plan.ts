import type { PostPlan, RoundPlan } from './plan-types';
import { validatePansel } from './validate-pansel';
import { validateStageCatalogue } from './validate-stages';
import type { Policy } from '../policy/types';
import { fail } from '../shared/errors';
import { addDays, addYears, compareDates, dayNumber, hasCompletedYears, type IsoDate } from '../shared/time';

/** R28: an incumbent may not be replaced within 2 years of inauguration, save for the legal exceptions. */
export function validateReplacementLock(post: PostPlan, today: IsoDate, policy: Policy): void {
  const incumbent = post.incumbent;
  const lock = policy.numbers.replacementLockYears;
  if (!incumbent || incumbent.removalGround || hasCompletedYears(incumbent.inauguratedOn, today, lock.value))
    return;
  const until = addYears(incumbent.inauguratedOn, lock.value);
  fail(
    'POST.REPLACEMENT_LOCKED',
    `Pejabat ${incumbent.nip} dilantik ${incumbent.inauguratedOn}; tidak dapat diganti sebelum ${until} (R28, ${lock.source})`,
    `Incumbent ${incumbent.nip} was inaugurated on ${incumbent.inauguratedOn}; cannot be replaced before ${until} (R28, ${lock.source})`,
    { postId: post.postId, inauguratedOn: incumbent.inauguratedOn, lockedUntil: until },
  );
}

/** R4: the deadline must fall at least the lead time after the announcement. */
export function validateLeadTime(
  announcedOn: IsoDate,
  deadline: IsoDate,
  policy: Policy,
  holidays: ReadonlySet<IsoDate>,
): void {
  const { announcementLeadDays: lead, announcementLeadCounting: counting } = policy.numbers;
  const earliest = addDays(announcedOn, lead.value, counting.value, holidays);
  if (compareDates(deadline, earliest) >= 0) return;
  fail(
    'ROUND.ANNOUNCEMENT_LEAD_TOO_SHORT',
    `Batas pendaftaran ${deadline} kurang dari ${lead.value} hari setelah pengumuman ${announcedOn}; paling cepat ${earliest} (R4, ${lead.source})`,
    `Deadline ${deadline} is less than ${lead.value} days after the announcement on ${announcedOn}; earliest ${earliest} (R4, ${lead.source})`,
    { announcedOn, deadline, earliest, leadDays: lead.value, counting: counting.value },
  );
}

function validatePosts(posts: readonly PostPlan[]): void {
  if (posts.length === 0) fail('PLAN.INVALID', 'Rencana tidak memuat jabatan', 'The plan has no posts', {});
  const ids = new Set(posts.map((p) => p.postId));
  if (ids.size !== posts.length) fail('PLAN.INVALID', 'Id jabatan harus unik', 'Post ids must be unique', {});
}

/** Everything checkable when a plan is made or revised. */
export function validatePlan(
  plan: RoundPlan,
  today: IsoDate,
  policy: Policy,
  holidays: ReadonlySet<IsoDate>,
): void {
  validatePosts(plan.posts);
  plan.posts.forEach((post) => validateReplacementLock(post, today, policy));
  validatePansel(plan.pansel.members, policy);
  validateStageCatalogue(plan.stages);
  const { announcementOn, registrationDeadline, referenceDate } = plan.schedule;
  dayNumber(referenceDate);
  validateLeadTime(announcementOn, registrationDeadline, policy, holidays);
}
