import { accreditationFindings, ASSESSMENT_CENTRES, type AssessmentCentre } from './assessment-centres';
import { tryDecide } from './decide';
import { initialState } from './state';
import { aPlan, command } from '../testing/fixtures';

const centres: AssessmentCentre[] = [
  { id: 'a', name: 'A', accreditedBy: 'BKN', validFrom: '2020-01-01', source: 'x' },
  { id: 'b', name: 'B', accreditedBy: 'BKN', validFrom: '2020-01-01', validUntil: '2023-12-31', source: 'y' },
];
const provider = (centreId?: string) => ({ name: 'P', ...(centreId ? { centreId } : {}) });
const planWith = (centreId: string) =>
  command(
    'PlanRound',
    {
      roundId: 'r1',
      plan: aPlan(undefined, { assessmentProvider: provider(centreId) }),
      policyId: 'bkn-2024',
    },
    '2024-09-02',
  );

describe('R12: the assessment provider is an accredited centre of the list kept as data', () => {
  it('[R12] refuses a provider that is not on the list, naming the field and the accredited centres', () => {
    expect(tryDecide(planWith('upt-kabupaten-contoh'), initialState())).toMatchObject({
      ok: false,
      error: {
        code: 'PLAN.ASSESSMENT_PROVIDER_NOT_ACCREDITED',
        ruleId: 'R12',
        details: {
          field: 'plan.assessmentProvider.centreId',
          known: false,
          accredited: ASSESSMENT_CENTRES.map((c) => c.id),
        },
      },
    });
    expect(tryDecide(planWith('bkn-puspenkom'), initialState()).ok).toBe(true);
  });

  it('[R12] judges the accreditation on the planning day: an expired one is refused, one in force passes', () => {
    expect(accreditationFindings(provider('b'), '2023-12-31', centres)).toEqual([]);
    expect(accreditationFindings(provider('b'), '2024-01-01', centres)[0]).toMatchObject({
      code: 'PLAN.ASSESSMENT_PROVIDER_NOT_ACCREDITED',
      details: { known: true, accredited: ['a'] },
    });
    expect(accreditationFindings(provider('a'), '2019-12-31', centres)).toHaveLength(1);
  });

  it('[R12] a plan stored before centres were named replays as decided (no check)', () => {
    expect(
      accreditationFindings({ name: 'UPT Penilaian Kompetensi', accredited: true }, '2024-09-02'),
    ).toEqual([]);
  });

  it('[R12] every centre of the data names its source and a valid period', () => {
    expect(ASSESSMENT_CENTRES.length).toBeGreaterThan(0);
    for (const c of ASSESSMENT_CENTRES) {
      expect(c.source.length).toBeGreaterThan(0);
      expect(c.validUntil === undefined || c.validFrom <= c.validUntil).toBe(true);
    }
    expect(new Set(ASSESSMENT_CENTRES.map((c) => c.id)).size).toBe(ASSESSMENT_CENTRES.length);
  });
});
