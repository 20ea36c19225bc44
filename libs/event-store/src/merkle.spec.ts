import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  consistencyProof,
  consistencyProofFromFrontier,
  EMPTY_ROOT,
  inclusionProof,
  leafHash,
  merkleRoot,
  MerkleFrontier,
  nodeHash,
  verifyConsistency,
  verifyInclusion,
} from './merkle';

const leaves = (n: number): Buffer[] =>
  Array.from({ length: n }, (_, i) => leafHash(Buffer.from(`event-${i}`)));

/** RFC 9162's recursive definition, written out literally, as the reference. */
function referenceMth(d: Buffer[]): Buffer {
  if (d.length === 0) return createHash('sha256').digest();
  if (d.length === 1) return d[0] as Buffer;
  const k = 2 ** Math.floor(Math.log2(d.length - 1));
  return nodeHash(referenceMth(d.slice(0, k)), referenceMth(d.slice(k)));
}

describe('Merkle tree (RFC 9162)', () => {
  it('separates leaves from nodes and hashes the empty tree as SHA-256 of nothing', () => {
    expect(EMPTY_ROOT.toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(leafHash(Buffer.alloc(0)).toString('hex')).toBe(
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
    );
  });

  it('computes the same root as the recursive definition for every size up to 70', () => {
    for (let n = 0; n <= 70; n += 1) expect(merkleRoot(leaves(n))).toEqual(referenceMth(leaves(n)));
  });

  it('the frontier grows to the same root as recomputing from all leaves', () => {
    const frontier = new MerkleFrontier();
    const all = leaves(130);
    all.forEach((leaf, i) => {
      frontier.append(leaf);
      expect(frontier.root()).toEqual(merkleRoot(all.slice(0, i + 1)));
    });
  });

  it('proves every leaf of every tree up to 40 leaves, and nothing else', () => {
    for (let n = 1; n <= 40; n += 1) {
      const tree = leaves(n);
      const root = merkleRoot(tree);
      for (let m = 0; m < n; m += 1) {
        const proof = inclusionProof(m, tree);
        expect(verifyInclusion(m, n, tree[m] as Buffer, proof, root)).toBe(true);
        expect(verifyInclusion(m, n, leafHash(Buffer.from('forged')), proof, root)).toBe(false);
        if (n > 1) expect(verifyInclusion((m + 1) % n, n, tree[m] as Buffer, proof, root)).toBe(false);
      }
    }
  });

  it('proves every tree up to 40 leaves consistent with each of its prefixes', () => {
    for (let n = 1; n <= 40; n += 1) {
      const tree = leaves(n);
      for (let m = 1; m <= n; m += 1) {
        const proof = consistencyProof(m, tree);
        expect(verifyConsistency(m, n, merkleRoot(tree.slice(0, m)), merkleRoot(tree), proof)).toBe(true);
      }
    }
  });

  it('builds the same consistency proof from the old frontier and the new leaves alone', () => {
    for (let n = 1; n <= 70; n += 1) {
      const tree = leaves(n);
      for (let m = 0; m <= n; m += 1) {
        const old = new MerkleFrontier();
        tree.slice(0, m).forEach((leaf) => old.append(leaf));
        expect(consistencyProofFromFrontier(old, tree.slice(m))).toEqual(consistencyProof(m, tree));
      }
    }
  });

  it('rejects a rewritten history: a prefix whose leaf changed is not consistent', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.nat(), fc.nat(), (n, a, b) => {
        const tree = leaves(n);
        const m = 1 + (a % (n - 1));
        const changed = b % m;
        const rewritten = tree
          .slice(0, m)
          .map((leaf, i) => (i === changed ? leafHash(Buffer.from('rewritten')) : leaf));
        const proof = consistencyProof(m, tree);
        return !verifyConsistency(m, n, merkleRoot(rewritten), merkleRoot(tree), proof);
      }),
    );
  });

  it('rejects a forged inclusion proof', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.nat(), fc.nat(), (n, a, b) => {
        const tree = leaves(n);
        const m = a % n;
        const proof = inclusionProof(m, tree);
        if (proof.length === 0) return true;
        const forged = proof.map((p, i) => (i === b % proof.length ? leafHash(p) : p));
        return !verifyInclusion(m, n, tree[m] as Buffer, forged, merkleRoot(tree));
      }),
    );
  });
});
