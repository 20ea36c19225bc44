import { evaluateEligibility } from './evaluate';
import { KASN_2019 } from '../policy/kasn-2019';
import { BKN_2024_AGE_NOT_YET_57 } from '../policy/variants';
import { anApplicant, ALL_DOCUMENTS } from '../testing/fixtures';

const context = { policy: KASN_2019, referenceDate: '2024-09-24' };
const check = (extra: Parameters<typeof anApplicant>[1]) =>
  evaluateEligibility(anApplicant('1', extra), context);

describe('eligibility predicates', () => {
  it('accepts an applicant who meets every requirement', () => {
    expect(check({})).toEqual({ eligible: true, failed: [], waived: [] });
  });

  it('[R11] accepts 56 years 0 days on the reference date', () => {
    expect(check({ dateOfBirth: '1968-09-24' }).eligible).toBe(true);
  });

  it('[R11] refuses 56 years 1 day with a readable reason in Bahasa Indonesia and English', () => {
    const outcome = check({ dateOfBirth: '1968-09-23' });
    expect(outcome.eligible).toBe(false);
    expect(outcome.failed[0]?.ruleId).toBe('R11');
    expect(outcome.failed[0]?.reason.id).toBe(
      'Usia 56 tahun 1 hari pada tanggal acuan 2024-09-24 melebihi batas 56 tahun, dibaca paling tinggi 56 tahun 0 hari (R11, PP 11/2017 Pasal 107 huruf c angka 6)',
    );
    expect(outcome.failed[0]?.reason.en).toContain('Age 56 years 1 days');
    expect(outcome.failed[0]?.reason.en).toContain('read as at most 56 years 0 days');
  });

  it('[R11] reads the limit as the policy says: "not yet 57" accepts 56 years 364 days, refuses 57', () => {
    const notYet57 = { policy: BKN_2024_AGE_NOT_YET_57, referenceDate: '2024-09-24' };
    expect(evaluateEligibility(anApplicant('1', { dateOfBirth: '1967-09-25' }), notYet57).eligible).toBe(
      true,
    );
    const outcome = evaluateEligibility(anApplicant('1', { dateOfBirth: '1967-09-24' }), notYet57);
    expect(outcome.failed.map((f) => f.ruleId)).toEqual(['R11']);
    expect(outcome.failed[0]?.reason.id).toContain('dibaca belum berusia 57 tahun');
    expect(outcome.failed[0]?.reason.en).toContain('read as not yet 57');
    expect(KASN_2019.numbers.maxAgeReading).toMatchObject({ value: 'years-and-zero-days', ruleId: 'R11' });
    expect(BKN_2024_AGE_NOT_YET_57.numbers.maxAgeReading.source).toMatch(/Pasal 107/);
  });

  it('[R8] refuses a D-III graduate and accepts D-IV', () => {
    expect(check({ education: 'D-III' }).failed.map((f) => f.ruleId)).toEqual(['R8']);
    expect(check({ education: 'D-IV' }).eligible).toBe(true);
  });

  it('[R9] refuses 4 years of related experience', () => {
    expect(check({ relatedExperienceYears: 4 }).failed.map((f) => f.ruleId)).toEqual(['R9']);
  });

  it('[R10] refuses 1 year as administrator and any other prior post', () => {
    expect(
      check({ priorPost: { kind: 'administrator', title: 'Kabid', years: 1 } }).failed.map((f) => f.ruleId),
    ).toEqual(['R10']);
    expect(
      check({ priorPost: { kind: 'other', title: 'Staf', years: 9 } }).failed.map((f) => f.ruleId),
    ).toEqual(['R10']);
  });

  it('[R15] refuses rank III/d, and IV/a where the post asks IV/b', () => {
    expect(check({ rank: 'III/d' }).failed.map((f) => f.ruleId)).toEqual(['R15']);
    expect(
      evaluateEligibility(anApplicant('1'), { ...context, minRank: 'IV/b' }).failed.map((f) => f.ruleId),
    ).toEqual(['R15']);
  });

  it('[R16] refuses an applicant without the leadership training certificate', () => {
    const documents = ALL_DOCUMENTS.filter((d) => d !== 'leadership-training-certificate');
    expect(check({ documents }).failed.map((f) => f.ruleId)).toEqual(['R16']);
  });

  it('[R7] refuses an applicant without the home-PPK recommendation', () => {
    const documents = ALL_DOCUMENTS.filter((d) => d !== 'home-ppk-recommendation');
    expect(check({ documents }).failed.map((f) => f.ruleId)).toEqual(['R7']);
  });

  it('[R17] lists the missing documents', () => {
    const outcome = check({ documents: ALL_DOCUMENTS.filter((d) => d !== 'tax-return' && d !== 'photo') });
    expect(outcome.failed.map((f) => f.ruleId)).toEqual(['R17']);
    expect(outcome.failed[0]?.reason.en).toContain('photo, tax-return');
  });

  it('[R14] waives the age limit only with a prior Presidential approval naming R11', () => {
    const old = { dateOfBirth: '1966-01-01' };
    const waived = check({
      ...old,
      presidentialException: { ruleIds: ['R11'], letterNumber: 'B-1/Kemensetneg' },
    });
    expect(waived.eligible).toBe(true);
    expect(waived.waived[0]).toMatchObject({ ruleId: 'R11', waivedBy: 'B-1/Kemensetneg' });
    expect(check({ ...old, presidentialException: { ruleIds: ['R8'], letterNumber: 'x' } }).eligible).toBe(
      false,
    );
  });

  it('[R14] never waives the home-PPK recommendation', () => {
    const documents = ALL_DOCUMENTS.filter((d) => d !== 'home-ppk-recommendation');
    expect(check({ documents, presidentialException: { ruleIds: ['R7'], letterNumber: 'x' } }).eligible).toBe(
      false,
    );
  });
});
