import { inclusionProofs } from './bundle-proofs';
import { inclusionProof, leafHash, merkleRoot, verifyInclusion } from './merkle';

const leaves = (n: number): Buffer[] =>
  Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`event-${i}`)));

describe('inclusion proofs for many leaves at once', () => {
  it('equal the RFC 9162 path of each leaf, for every size up to 70', () => {
    for (let n = 1; n <= 70; n += 1) {
      const tree = leaves(n);
      const indices = tree.map((_, i) => i);
      const paths = inclusionProofs(indices, tree);
      indices.forEach((i) => {
        expect(paths[i]).toEqual(inclusionProof(i, tree));
        expect(verifyInclusion(i, n, tree[i] as Buffer, paths[i] as Buffer[], merkleRoot(tree))).toBe(true);
      });
    }
  });

  it('refuse a leaf outside the tree', () => {
    expect(() => inclusionProofs([3], leaves(3))).toThrow(RangeError);
  });
});
