import fc from 'fast-check';
import { tryDecide } from './decide';
import type { RoundCommand } from './commands';
import type { RoundEvent } from './events';
import { evolve } from './evolve';
import { initialState, type RoundState } from './state';
import { aPlan, aPost, command } from '../testing/fixtures';
import { RoundBuilder } from '../testing/builder';
import { fold } from '../testing/run';

// A round with two posts at the shortlist step: random command sequences are tried against it.
const base = (() => {
  const b = new RoundBuilder(aPlan([aPost('a'), aPost('b')]))
    .announce()
    .register('a', 6)
    .register('b', 5)
    .closeAll()
    .verify()
    .stages();
  return { events: b.stream.events, best: { a: b.best('a'), b: b.best('b') }, day: (n: number) => b.day(n) };
})();
const applicantIds = [
  'a-a1',
  'a-a2',
  'a-a3',
  'a-a4',
  'a-a5',
  'a-a6',
  'b-a1',
  'b-a2',
  'b-a3',
  'b-a4',
  'b-a5',
  'nobody',
];

const arbPost = fc.constantFrom('a', 'b', 'c');
const arbApplicant = fc.constantFrom(...applicantIds);
const arbBody = fc.constantFrom('BKN' as const, 'KASN' as const);
const arbCommand: fc.Arbitrary<RoundCommand> = fc.oneof(
  fc
    .record({ postId: arbPost, finalists: fc.subarray(applicantIds, { maxLength: 5 }) })
    .map((d) => command('ProposeShortlist', d, base.day(50), 'pansel')),
  fc
    .record({
      postId: arbPost,
      issuedBy: arbBody,
      ineligible: fc.subarray(applicantIds, { maxLength: 2 }),
      acceptFewer: fc.boolean(),
    })
    .map((d) =>
      command(
        'ReviewShortlist',
        {
          ...d,
          letterNumber: 'R',
          ineligible: d.ineligible.map((applicantId) => ({ applicantId, reason: { id: 'x', en: 'x' } })),
        },
        base.day(55),
        'oversight',
      ),
    ),
  arbPost.map((postId) => command('AnnounceShortlist', { postId }, base.day(56), 'pansel')),
  fc
    .record({ postId: arbPost, applicantId: arbApplicant })
    .map((d) => command('ChooseAppointee', d, base.day(60), 'ppk')),
  fc
    .record({ postId: arbPost, applicantId: arbApplicant })
    .map((d) => command('WithdrawApplicant', { ...d, cause: 'declared', note: 'x' }, base.day(57))),
  fc
    .record({ postId: arbPost, issuedBy: arbBody })
    .map((d) =>
      command('RecordInaugurationRecommendation', { ...d, letterNumber: 'I' }, base.day(62), 'oversight'),
    ),
  arbPost.map((postId) =>
    command('IssueAppointmentDecree', { postId, decreeNumber: 'D' }, base.day(63), 'ppk'),
  ),
  arbPost.map((postId) => command('CancelPost', { postId, reason: 'r' }, base.day(64))),
  // The best names of a post, so that some sequences go all the way.
  arbPost.map((postId) =>
    command(
      'ProposeShortlist',
      { postId, finalists: postId === 'a' ? base.best.a : base.best.b },
      base.day(50),
      'pansel',
    ),
  ),
  fc
    .record({ postId: fc.constantFrom('a', 'b') })
    .map((d) =>
      command('ReviewShortlist', { ...d, issuedBy: 'BKN', letterNumber: 'R' }, base.day(55), 'oversight'),
    ),
);

/** Runs the commands, keeping only accepted ones; returns every accepted event and state after each. */
function play(commands: readonly RoundCommand[]): { events: RoundEvent[]; states: RoundState[] } {
  let state = fold(base.events);
  const events: RoundEvent[] = [];
  const states: RoundState[] = [];
  for (const c of commands) {
    const result = tryDecide(c, state);
    if (!result.ok) continue;
    for (const event of result.events) {
      state = evolve(state, event);
      events.push(event);
      states.push(state);
    }
  }
  return { events, states };
}

const RUNS = { numRuns: 150 };

describe('round invariants (property-based)', () => {
  it('[R22] a shortlist never holds more than 3 names or a non-finalist', () => {
    fc.assert(
      fc.property(fc.array(arbCommand, { maxLength: 25 }), (commands) => {
        for (const state of play(commands).states) {
          if (state.status !== 'announced' && state.status !== 'closed') continue;
          for (const post of Object.values(state.posts)) {
            if (!('shortlist' in post)) continue;
            expect(post.shortlist.finalists.length).toBeLessThanOrEqual(3);
            for (const f of post.shortlist.finalists)
              expect(
                post.applicants.some(
                  (a) => a.applicantId === f.applicantId && !a.eliminatedAt && a.verdict === 'eligible',
                ),
              ).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('[R23] the PPK choice is always a reviewed finalist of that post', () => {
    fc.assert(
      fc.property(fc.array(arbCommand, { maxLength: 25 }), (commands) => {
        const { events, states } = play(commands);
        events.forEach((event, i) => {
          if (event.type !== 'AppointeeChosen') return;
          const before = i === 0 ? fold(base.events) : states[i - 1]!;
          if (before.status !== 'announced') throw new Error('not announced');
          const post = before.posts[event.data.postId];
          expect(
            post && 'shortlist' in post && post.shortlist.review?.remaining.includes(event.data.applicantId),
          ).toBe(true);
          expect(
            post &&
              'shortlist' in post &&
              post.shortlist.finalists.some((f) => f.applicantId === event.data.applicantId),
          ).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it('stream versions are contiguous: each accepted event adds exactly one version', () => {
    fc.assert(
      fc.property(fc.array(arbCommand, { maxLength: 25 }), (commands) => {
        const { states } = play(commands);
        states.forEach((state, i) => expect(state.version).toBe(base.events.length + i + 1));
      }),
      RUNS,
    );
  });

  it('folding any accepted event sequence, or any prefix or shuffle of it, never throws', () => {
    fc.assert(
      fc.property(
        fc.array(arbCommand, { maxLength: 25 }),
        fc.integer({ min: 0, max: 1000 }),
        (commands, seed) => {
          const all = [...base.events, ...play(commands).events];
          expect(() => fold(all)).not.toThrow();
          const cut = seed % (all.length + 1);
          const shuffled = [...all.slice(cut), ...all.slice(0, cut)];
          expect(() => shuffled.reduce(evolve, initialState())).not.toThrow();
          expect(shuffled.reduce(evolve, initialState()).version).toBe(all.length);
        },
      ),
      RUNS,
    );
  });
});
