import {
  decideRotation,
  evolveRotation,
  initialRotationState,
  time,
  type Incumbent,
  type Role,
  type RotationCommand,
  type RotationEvent,
  type RotationState,
} from '@selter/domain';
import { meta } from '@selter/domain/testing';

/** The Tegal-like rotation of libs/domain/src/rotation/rotation.spec.ts: 15 posts, 14 incumbents. */
export const TODAY = '2021-03-22';
export const POSTS = Array.from({ length: 15 }, (_, i) => ({
  postId: `p${i + 1}`,
  title: `Kepala Dinas ${i + 1}`,
}));
/** 10 with 2-4 years in post, 4 with 1 year and a few months. */
export const INCUMBENTS: Incumbent[] = Array.from({ length: 14 }, (_, i) => ({
  nip: `n${i + 1}`,
  name: `Pejabat ${i + 1}`,
  postId: `p${i + 1}`,
  dateOfBirth: '1970-01-01',
  inauguratedOn:
    i < 10
      ? time.addYears(TODAY, -(2 + (i % 3)))
      : time.addCalendarDays(time.addYears(TODAY, -1), -30 * (i - 9)),
}));

export const rotationCommand = <T extends RotationCommand['type']>(
  type: T,
  data: Extract<RotationCommand, { type: T }>['data'],
  date = TODAY,
  role: Role = 'operator',
) => ({ type, data, metadata: meta(date, role) }) as Extract<RotationCommand, { type: T }>;

export const planRotation = (rotationId: string, agency: string, policyId: string) =>
  rotationCommand('PlanRotation', { rotationId, agency, posts: POSTS, incumbents: INCUMBENTS, policyId });

export const recommend = () =>
  rotationCommand(
    'RecordRotationRecommendation',
    { issuedBy: 'KASN', letterNumber: 'B-778/KASN/2021', decision: 'approved' },
    TODAY,
    'oversight',
  );

/** Tests the first `tested` incumbents and moves each to the next one's post; other posts need open selection. */
function afterRecommendation(tested: number, excused: readonly string[]): RotationCommand[] {
  const results = INCUMBENTS.slice(0, tested).map((i, k) => ({ nip: i.nip, score: 70 + k }));
  const placements = results.map((r, k) => ({ nip: r.nip, postId: `p${((k + 1) % tested) + 1}` }));
  const placed = new Set(placements.map((p) => p.postId));
  const noSuitableOfficial = POSTS.map((p) => p.postId).filter((id) => !placed.has(id));
  return [
    rotationCommand(
      'RecordRotationTests',
      { results, excused: excused.map((nip) => ({ nip, reason: 'ill' })) },
      '2021-03-25',
    ),
    rotationCommand('ProposeRotationMapping', { placements, noSuitableOfficial }, '2021-03-29', 'pansel'),
    rotationCommand(
      'RecordRotationApproval',
      { issuedBy: 'KASN', letterNumber: 'B-900/KASN/2021' },
      '2021-04-20',
      'oversight',
    ),
    rotationCommand('IssueRotationDecree', { decreeNumber: '821.2/2021' }, '2021-04-22', 'ppk'),
  ];
}

/** Under the 2-5 year rule (kasn-2019): 10 eligible, 9 tested, one excused; p10-p15 need open selection. */
export const twoToFiveYears = (rotationId: string, agency: string): RotationCommand[] => [
  planRotation(rotationId, agency, 'kasn-2019'),
  recommend(),
  ...afterRecommendation(9, ['n10']),
];

/** Under the 1-year pandemic rule (SE MenPANRB 52/2020): all 14 eligible and tested; p15 needs open selection. */
export const oneYearPandemic = (rotationId: string, agency: string): RotationCommand[] => [
  planRotation(rotationId, agency, 'kasn-2019-se52-2020'),
  recommend(),
  ...afterRecommendation(14, []),
];

/** The commands decided locally with the domain alone: what the workflow must agree with. */
export function decideLocally(commands: readonly RotationCommand[]): {
  state: RotationState;
  events: RotationEvent[];
} {
  let state = initialRotationState();
  const events: RotationEvent[] = [];
  for (const c of commands) {
    for (const e of decideRotation(c, state)) {
      state = evolveRotation(state, e);
      events.push(e);
    }
  }
  return { state, events };
}
