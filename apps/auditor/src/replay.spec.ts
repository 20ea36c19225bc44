import { foldStream } from '@selter/domain';
import { summarize } from './replay';

const planned = {
  type: 'RotationPlanned',
  data: {
    rotationId: 'rot-1',
    policyId: 'bkn-2024',
    agency: 'kab-gowa',
    posts: [{ postId: 'dinkes', title: 'Kepala Dinas Kesehatan' }],
    incumbents: [
      {
        nip: '197001011995031001',
        name: 'A',
        postId: 'dinkes',
        inauguratedOn: '2019-01-02',
        dateOfBirth: '1970-01-01',
      },
    ],
    eligible: ['197001011995031001'],
    ineligible: [],
    tenureLimitReached: [],
    at: '2024-09-02T02:00:00.000Z',
  },
  metadata: { actor: { id: 'operator-1', role: 'operator' } },
};

describe('replay folding', () => {
  it("folds a rotation's stream with the rotation's evolve and summarizes it", () => {
    const recommended = {
      type: 'RotationRecommended',
      data: { rotationId: 'rot-1', issuedBy: 'BKN', letterNumber: 'B-2', at: '2024-09-05T02:00:00.000Z' },
      metadata: planned.metadata,
    };
    const folded = foldStream([planned, recommended]);
    expect(folded).toMatchObject({
      kind: 'rotation',
      state: { status: 'recommended', version: 2, policyId: 'bkn-2024' },
    });
    expect(summarize(folded)).toEqual([
      'rotation rot-1: recommended',
      expect.stringMatching(/^policy: bkn-2024 \(.+\)$/),
      'posts 1, incumbents 1, eligible 1, at the tenure limit 0',
    ]);
  });

  it('an empty stream folds to the empty round', () => {
    expect(summarize(foldStream([]))).toEqual(['status: empty (nothing planned yet)']);
  });
});
