import { decideRotation, tryDecideRotation } from './decide';
import { evolveRotation } from './evolve';
import {
  initialRotationState,
  type Incumbent,
  type RotationCommand,
  type RotationEvent,
  type RotationState,
} from './types';
import { meta } from '../testing/fixtures';
import { addCalendarDays, addYears } from '../shared/time';

const TODAY = '2021-03-22';
const posts = Array.from({ length: 15 }, (_, i) => ({ postId: `p${i + 1}`, title: `Kepala Dinas ${i + 1}` }));
/** 14 incumbents: 10 with 2-4 years in post, 4 with 1 year and a few months (Tegal-like). */
const incumbents: Incumbent[] = Array.from({ length: 14 }, (_, i) => ({
  nip: `n${i + 1}`,
  name: `Pejabat ${i + 1}`,
  postId: `p${i + 1}`,
  dateOfBirth: '1970-01-01',
  inauguratedOn:
    i < 10 ? addYears(TODAY, -(2 + (i % 3))) : addCalendarDays(addYears(TODAY, -1), -30 * (i - 9)),
}));

const cmd = <T extends RotationCommand['type']>(
  type: T,
  data: Extract<RotationCommand, { type: T }>['data'],
  date = TODAY,
  role: 'operator' | 'oversight' = 'operator',
) => ({ type, data, metadata: meta(date, role) }) as Extract<RotationCommand, { type: T }>;

function run(commands: RotationCommand[]): { state: RotationState; events: RotationEvent[] } {
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

const plan = (policyId: string, list = incumbents) =>
  cmd('PlanRotation', { rotationId: 'rot-1', agency: 'Kota Tegal', posts, incumbents: list, policyId });
const eligibleOf = (events: RotationEvent[]) =>
  events[0]?.type === 'RotationPlanned' ? events[0].data : undefined;

describe('rotation', () => {
  it('[R31] lists 10 of 14 incumbents as eligible under the 2-5 year rule', () => {
    const planned = eligibleOf(run([plan('kasn-2019')]).events);
    expect(planned?.eligible).toHaveLength(10);
    expect(planned?.ineligible.map((v) => v.ruleId)).toEqual(['R31', 'R31', 'R31', 'R31']);
    expect(planned?.ineligible[0]?.reason.en).toContain('outside 2-5 years');
  });

  it('[R31] lists all 14 as eligible under the 1-year pandemic rule (SE 52/2020)', () => {
    expect(eligibleOf(run([plan('kasn-2019-se52-2020')]).events)?.eligible).toHaveLength(14);
  });

  it('[R30] flags an official at 5 years 1 day and excludes them from rotation', () => {
    const long = { ...incumbents[0]!, nip: 'old', inauguratedOn: addCalendarDays(addYears(TODAY, -5), -1) };
    const planned = eligibleOf(run([plan('kasn-2019', [long])]).events);
    expect(planned?.tenureLimitReached).toMatchObject([{ nip: 'old', ruleId: 'R30', years: 5, days: 1 }]);
    expect(planned?.eligible).toEqual([]);
  });

  it('[R31] keeps an official at exactly 5 years 0 days eligible, flagged under R30', () => {
    const five = { ...incumbents[0]!, nip: 'five', inauguratedOn: addYears(TODAY, -5) };
    const planned = eligibleOf(run([plan('kasn-2019', [five])]).events);
    expect(planned?.eligible).toEqual(['five']);
    expect(planned?.tenureLimitReached).toHaveLength(1);
  });

  it('[R33] excludes an official who reached the retirement age of 60', () => {
    const retiring = { ...incumbents[0]!, nip: 'ret', dateOfBirth: '1961-03-01' };
    expect(eligibleOf(run([plan('kasn-2019', [retiring])]).events)?.ineligible[0]?.ruleId).toBe('R33');
  });

  it('[R31] refuses test results for an official not eligible by tenure', () => {
    const { state } = run([
      plan('kasn-2019'),
      cmd(
        'RecordRotationRecommendation',
        { issuedBy: 'KASN', letterNumber: 'B-1', decision: 'approved' },
        TODAY,
        'oversight',
      ),
    ]);
    expect(
      tryDecideRotation(cmd('RecordRotationTests', { results: [{ nip: 'n12', score: 80 }] }), state),
    ).toMatchObject({
      ok: false,
      error: { code: 'ROTATION.NOT_ELIGIBLE', ruleId: 'R31' },
    });
  });

  it('refuses tests before the oversight recommendation and a recommendation from the wrong body', () => {
    const { state } = run([plan('kasn-2019')]);
    expect(tryDecideRotation(cmd('RecordRotationTests', { results: [] }), state)).toMatchObject({
      ok: false,
      error: { code: 'ROTATION.WRONG_STATUS' },
    });
    expect(
      tryDecideRotation(
        cmd('RecordRotationRecommendation', { issuedBy: 'BKN', letterNumber: 'x', decision: 'approved' }),
        state,
      ),
    ).toMatchObject({ ok: false, error: { code: 'GATE.WRONG_AUTHORITY' } });
  });

  it('[R31] maps tested officials to posts; posts without a suitable official need open selection', () => {
    const eligible = incumbents.slice(0, 10);
    const results = eligible.slice(0, 9).map((i, k) => ({ nip: i.nip, score: 70 + k }));
    const placements = results.map((r, k) => ({ nip: r.nip, postId: `p${((k + 1) % 9) + 1}` }));
    const { state, events } = run([
      plan('kasn-2019'),
      cmd(
        'RecordRotationRecommendation',
        { issuedBy: 'KASN', letterNumber: 'B-778/KASN/2021', decision: 'approved' },
        TODAY,
        'oversight',
      ),
      cmd('RecordRotationTests', { results, excused: [{ nip: 'n10', reason: 'ill' }] }, '2021-03-25'),
      cmd(
        'ProposeRotationMapping',
        { placements, noSuitableOfficial: ['p10', 'p11', 'p12', 'p13', 'p14', 'p15'] },
        '2021-03-29',
      ),
      cmd(
        'RecordRotationApproval',
        { issuedBy: 'KASN', letterNumber: 'B-900/KASN/2021' },
        '2021-04-20',
        'oversight',
      ),
      cmd('IssueRotationDecree', { decreeNumber: '821.2/2021' }, '2021-04-22'),
    ]);
    expect(state.status).toBe('decreed');
    expect(events.filter((e) => e.type === 'OpenSelectionRequired').map((e) => e.data)).toHaveLength(6);
    expect(events.at(-1)).toMatchObject({
      type: 'OpenSelectionRequired',
      data: { postId: 'p15', rotationId: 'rot-1' },
    });
  });

  it('[R31] takes the rotation approval of a kasn-2019 rotation from BKN once Perpres 92/2024 handed the gates over', () => {
    const { state } = run([
      plan('kasn-2019'),
      cmd(
        'RecordRotationRecommendation',
        { issuedBy: 'KASN', letterNumber: 'B-1', decision: 'approved' },
        TODAY,
        'oversight',
      ),
      cmd('RecordRotationTests', { results: [{ nip: 'n1', score: 80 }] }),
      cmd('ProposeRotationMapping', { placements: [], noSuitableOfficial: posts.map((p) => p.postId) }),
    ]);
    const approval = (issuedBy: string, date: string) =>
      cmd('RecordRotationApproval', { issuedBy, letterNumber: 'A-1' }, date, 'oversight');
    expect(tryDecideRotation(approval('KASN', '2024-08-22'), state).ok).toBe(true);
    expect(tryDecideRotation(approval('KASN', '2024-08-23'), state)).toMatchObject({
      ok: false,
      error: {
        code: 'GATE.WRONG_AUTHORITY',
        details: { gate: 'rotationApproval', expected: 'BKN', on: '2024-08-23' },
      },
    });
    expect(tryDecideRotation(approval('BKN', '2024-08-23'), state).ok).toBe(true);
  });

  it('refuses a mapping that places an official on their own post or leaves a post unaccounted for', () => {
    const { state } = run([
      plan('kasn-2019'),
      cmd(
        'RecordRotationRecommendation',
        { issuedBy: 'KASN', letterNumber: 'B-1', decision: 'approved' },
        TODAY,
        'oversight',
      ),
      cmd('RecordRotationTests', { results: [{ nip: 'n1', score: 80 }] }),
    ]);
    const others = posts.map((p) => p.postId).filter((id) => id !== 'p1');
    expect(
      tryDecideRotation(
        cmd('ProposeRotationMapping', {
          placements: [{ nip: 'n1', postId: 'p1' }],
          noSuitableOfficial: others,
        }),
        state,
      ),
    ).toMatchObject({ ok: false, error: { code: 'ROTATION.MAPPING_INVALID' } });
    expect(
      tryDecideRotation(
        cmd('ProposeRotationMapping', { placements: [{ nip: 'n1', postId: 'p2' }], noSuitableOfficial: [] }),
        state,
      ),
    ).toMatchObject({ ok: false, error: { code: 'ROTATION.MAPPING_INVALID' } });
    expect(
      tryDecideRotation(
        cmd('ProposeRotationMapping', {
          placements: [{ nip: 'n2', postId: 'p1' }],
          noSuitableOfficial: others,
        }),
        state,
      ),
    ).toMatchObject({ ok: false, error: { code: 'ROTATION.NOT_TESTED' } });
  });
});
