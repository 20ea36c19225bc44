import type { NextFunction, Request, Response } from 'express';
import { refuseUncleanJson } from './clean-json';

/** Runs the middleware on a parsed body: the problem it sent, or undefined when it passed the request on. */
function run(body: unknown): { status: number; problem: Record<string, unknown> } | undefined {
  let sent: { status: number; problem: Record<string, unknown> } | undefined;
  let passed = false;
  const response = {
    status(status: number) {
      sent = { status, problem: {} };
      return this;
    },
    type() {
      return this;
    },
    setHeader() {
      return this;
    },
    json(problem: Record<string, unknown>) {
      if (sent) sent.problem = problem;
      return this;
    },
  };
  refuseUncleanJson(
    { body, originalUrl: '/x' } as Request,
    response as unknown as Response,
    (() => (passed = true)) as NextFunction,
  );
  expect(passed).toBe(sent === undefined);
  return sent;
}

describe('refuseUncleanJson', () => {
  it('passes clean bodies on, and requests without one', () => {
    expect(
      run({ postId: 'dinkes', applicant: { name: 'Ñoman Ārya 😀', note: 'baris\r\nkedua\t.' } }),
    ).toBeUndefined();
    expect(run(undefined)).toBeUndefined();
  });

  it('refuses a NUL, a lone surrogate or a noncharacter with REQUEST.INVALID naming the field', () => {
    for (const [body, path] of [
      [{ applicant: { name: 'Budi\u0000Santoso' } }, 'applicant.name'],
      [{ findings: [{ note: 'ok' }, { note: '\ud800' }] }, 'findings[1].note'],
      [{ letterNumber: '800/\ufffe/2024' }, 'letterNumber'],
      [{ ['re\u0007son']: 'x' }, '["re\\u0007son"]'],
    ] as const) {
      expect(run(body)).toEqual({
        status: 400,
        problem: expect.objectContaining({
          code: 'REQUEST.INVALID',
          errors: [{ path, message: expect.stringContaining(path) }],
        }),
      });
    }
  });

  it('refuses nesting deeper than 32 levels with REQUEST.TOO_DEEP, 10,000 levels included', () => {
    const nested = (depth: number): unknown => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`);
    expect(run({ a: nested(31) })).toBeUndefined();
    expect(run({ a: nested(32) })).toMatchObject({ status: 400, problem: { code: 'REQUEST.TOO_DEEP' } });
    expect(run(nested(10_000))).toMatchObject({
      status: 400,
      problem: { code: 'REQUEST.TOO_DEEP', instance: '/x' },
    });
  });
});
