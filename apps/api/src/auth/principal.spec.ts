import { OVERSIGHT_BOOK } from '@selter/domain';
import { principalClaims, principalOf } from './principal';

describe("a token's oversight body (ADR 27)", () => {
  const liaison = (body: string) => ({ sub: `liaison.${body}`, role: 'oversight', oversight_body: body });

  it('accepts the id of every body in the data, and names it as the principal body', () => {
    for (const { id } of OVERSIGHT_BOOK.bodies) {
      const claims = principalClaims.parse(liaison(id));
      expect(principalOf(claims)).toMatchObject({ role: 'oversight', body: id });
    }
  });

  it('refuses a body the data does not know, naming the claim', () => {
    const parsed = principalClaims.safeParse(liaison('KPK'));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['oversight_body']);
  });
});
