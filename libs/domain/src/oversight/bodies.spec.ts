import fc from 'fast-check';
import {
  checkOversightBook,
  gateHolderOn,
  isOversightBody,
  OVERSIGHT_BOOK,
  successionOn,
  type OversightBook,
} from './bodies';
import { getPolicy } from '../policy/registry';
import type { OversightGate } from '../policy/types';
import { addCalendarDays, compareDates } from '../shared/time';

const HANDOVER = '2024-08-23'; // Perpres 92/2024
const GATES: readonly OversightGate[] = [
  'planRecommendation',
  'extensionApproval',
  'underfilledPostDecision',
  'stageAmendment',
  'shortlistReview',
  'inaugurationRecommendation',
  'rerunRecommendation',
  'rotationRecommendation',
  'rotationApproval',
];
const arbDate = fc.integer({ min: 0, max: 365 * 16 }).map((n) => addCalendarDays('2014-01-15', n));
const arbPolicy = fc
  .constantFrom('kasn-2019', 'kasn-2019-min3', 'bkn-2024', 'bkn-2025')
  .map((id) => getPolicy(id));
const arbGate = fc.constantFrom(...GATES);

/** The book once the independent body's law is in force: two rows of data, no code. */
const withIndependentBody = (from: string): OversightBook =>
  checkOversightBook({
    bodies: [
      ...OVERSIGHT_BOOK.bodies,
      {
        id: 'LIPSM',
        name: { id: 'Lembaga independen pengawas sistem merit', en: 'Independent merit oversight body' },
        level: 'national',
        legalSource: 'MK 121/PUU-XXII/2024 and its implementing law',
      },
    ],
    succession: [
      ...OVERSIGHT_BOOK.succession.slice(0, -1),
      { ...OVERSIGHT_BOOK.succession.at(-1)!, until: addCalendarDays(from, -1) },
      { body: 'LIPSM', from, legalSource: 'MK 121/PUU-XXII/2024' },
    ],
  });

describe('oversight bodies and their succession as data', () => {
  it('seeds KASN and BKN with names in Bahasa Indonesia and English, a level and a legal source', () => {
    expect(OVERSIGHT_BOOK.bodies.map((b) => b.id)).toEqual(['KASN', 'BKN']);
    for (const body of OVERSIGHT_BOOK.bodies) {
      expect(body.name.id && body.name.en && body.legalSource).toBeTruthy();
      expect(body.level).toBe('national');
    }
    expect(isOversightBody('BKN')).toBe(true);
    expect(isOversightBody('KPK')).toBe(false);
  });

  it('[R22] puts exactly one body in office on every day since UU 5/2014: KASN until 22 Aug 2024, BKN from the Perpres 92/2024 handover', () => {
    fc.assert(
      fc.property(arbDate, (date) => {
        const terms = OVERSIGHT_BOOK.succession.filter((r) => successionOn(date) === r);
        expect(terms).toHaveLength(1);
        expect(terms[0]?.body).toBe(compareDates(date, HANDOVER) < 0 ? 'KASN' : 'BKN');
      }),
    );
    expect(successionOn(HANDOVER)?.legalSource).toContain('Perpres 92/2024');
  });

  it('[R22] lets the date decide who holds a gate and the pinned policy only whether the gate exists', () => {
    fc.assert(
      fc.property(arbPolicy, arbGate, arbDate, (policy, gate, date) => {
        const { holder, term } = gateHolderOn(policy, gate, date);
        if (policy.gates[gate].value === 'none') expect(holder).toBe('none');
        else expect({ holder, term }).toEqual({ holder: successionOn(date)?.body, term: successionOn(date) });
      }),
    );
  });

  it('adds the independent body of MK 121/PUU-XXII/2024 as rows of data; every earlier day keeps its holder', () => {
    fc.assert(
      fc.property(arbPolicy, arbGate, arbDate, (policy, gate, date) => {
        const book = withIndependentBody('2027-10-16');
        const before = gateHolderOn(policy, gate, date).holder;
        const after = gateHolderOn(policy, gate, date, book).holder;
        if (compareDates(date, '2027-10-16') < 0 || before === 'none') expect(after).toBe(before);
        else expect(after).toBe('LIPSM');
      }),
    );
  });

  it('refuses a book whose rows overlap, name an unknown body or lack a legal source', () => {
    const [kasn, bkn] = OVERSIGHT_BOOK.succession;
    const bodies = OVERSIGHT_BOOK.bodies;
    expect(() =>
      checkOversightBook({ bodies, succession: [kasn!, { ...bkn!, from: '2024-08-01' }] }),
    ).toThrow(/overlaps/);
    expect(() => checkOversightBook({ bodies, succession: [{ ...kasn!, body: 'KPK' }] })).toThrow(
      /unknown body/,
    );
    expect(() => checkOversightBook({ bodies, succession: [{ ...kasn!, legalSource: ' ' }] })).toThrow(
      /legal source/,
    );
  });
});
