import { NotFoundException } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { toProblem } from './problem-details.filter';
import { refused, statusOfDomainCode } from './problems';

describe('problems', () => {
  it('maps the domain error kinds to HTTP in one table', () => {
    expect(statusOfDomainCode('ROUND.WRONG_STATUS')).toBe(409);
    expect(statusOfDomainCode('POST.UNKNOWN')).toBe(404);
    expect(statusOfDomainCode('SHORTLIST.TOO_LONG')).toBe(422);
    expect(statusOfDomainCode('GATE.WRONG_AUTHORITY')).toBe(403);
    expect(statusOfDomainCode('COMMAND.WRONG_UPDATE')).toBe(422);
  });

  it('keeps a refusal rule id and its reason in Bahasa Indonesia and English', () => {
    const problem = toProblem(
      refused({
        code: 'SHORTLIST.TOO_LONG',
        ruleId: 'R22',
        reason: { id: 'Terlalu banyak', en: 'Too many' },
      }),
    );
    expect(problem).toMatchObject({
      status: 422,
      code: 'SHORTLIST.TOO_LONG',
      ruleId: 'R22',
      reason: { id: 'Terlalu banyak', en: 'Too many' },
      detail: 'Too many',
    });
  });

  it('gives rate limiting, unknown routes and unexpected errors stable codes and no stack trace', () => {
    expect(toProblem(new ThrottlerException())).toMatchObject({ status: 429, code: 'RATE.LIMITED' });
    expect(toProblem(new NotFoundException())).toMatchObject({ status: 404, code: 'REQUEST.NOT_FOUND' });
    const unexpected = toProblem(new Error('secret detail at /srv/app.ts:12'));
    expect(unexpected).toMatchObject({ status: 500, code: 'INTERNAL.UNEXPECTED' });
    expect(JSON.stringify(unexpected)).not.toContain('secret');
  });
});
