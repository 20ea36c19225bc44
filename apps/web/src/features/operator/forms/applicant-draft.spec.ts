import { parseDate } from '../date-parse';
import { emptyApplicant, exampleApplicant, registerBody } from './applicant-draft';

describe('RegisterApplicant body', () => {
  it('is null until the required fields are there', () => {
    expect(registerBody('dinkes', emptyApplicant())).toBeNull();
    expect(registerBody(null, exampleApplicant())).toBeNull();
  });

  it('names the applicant by post and NIP, and sends an exception only with rules and a letter', () => {
    const d = exampleApplicant();
    const body = registerBody('dinkes', { ...d, exception: { ruleIds: ['R11'], letterNumber: ' ' } });
    expect(body).toMatchObject({
      postId: 'dinkes',
      applicantId: `dinkes-${d.nip}`,
      applicant: { nip: d.nip, dateOfBirth: '1978-03-14' },
    });
    expect(body?.applicant.presidentialException).toBeUndefined();
    expect(
      registerBody('dinkes', { ...d, exception: { ruleIds: ['R11'], letterNumber: 'B-1/Setneg/2026' } })
        ?.applicant.presidentialException,
    ).toEqual({ ruleIds: ['R11'], letterNumber: 'B-1/Setneg/2026' });
  });
});

describe('typed dates', () => {
  it('accepts ISO and Indonesian day-first dates, and refuses impossible ones', () => {
    expect(parseDate('2026-12-09')).toBe('2026-12-09');
    expect(parseDate('9/12/2026')).toBe('2026-12-09');
    expect(parseDate('31-02-2026')).toBeNull();
    expect(parseDate('2026-02-31')).toBeNull();
    expect(parseDate('besok')).toBeNull();
  });
});
