import { roundIdParam } from './round-id';

describe('round ids', () => {
  it('splits round-<agency>-<roundId> at the first hyphen after the prefix (agencies have none)', () => {
    expect(roundIdParam.parse('round-kabcontoh-2024-01')).toEqual({
      id: 'round-kabcontoh-2024-01',
      agency: 'kabcontoh',
      roundId: '2024-01',
    });
    expect(roundIdParam.parse('round-kab_contoh-r1')).toMatchObject({ agency: 'kab_contoh', roundId: 'r1' });
  });

  it.each([
    'kabcontoh-2024',
    'round-kabcontoh',
    'round--x',
    'round-KAB-1',
    'round-kab-Bad Id',
    `round-kab-${'x'.repeat(80)}`,
  ])('refuses %s', (id) => {
    expect(roundIdParam.safeParse(id).success).toBe(false);
  });
});
