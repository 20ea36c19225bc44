import { nodeHash } from './merkle';

const HASH = 32;

/**
 * Every level of the RFC 9162 tree over `leaves`, each packed into one buffer (a million leaves
 * stay one 32 MB buffer per level, not a million objects). Bottom-up pairing with the odd node
 * promoted builds the same tree as the RFC's split at the largest power of two.
 */
function treeLevels(leaves: readonly Buffer[]): Buffer[] {
  const levels = [Buffer.concat(leaves as Buffer[])];
  for (let level = levels[0] as Buffer; level.length > HASH;) {
    const count = level.length / HASH;
    const next = Buffer.allocUnsafe(Math.ceil(count / 2) * HASH);
    for (let i = 0; i + 1 < count; i += 2)
      nodeHash(level.subarray(i * HASH, (i + 1) * HASH), level.subarray((i + 1) * HASH, (i + 2) * HASH)).copy(
        next,
        (i / 2) * HASH,
      );
    if (count % 2 === 1) level.copy(next, next.length - HASH, level.length - HASH);
    levels.push(next);
    level = next;
  }
  return levels;
}

/** PATH(m, D[n]) for each of `indices`, from one pass over the tree (equal to `inclusionProof` per index). */
export function inclusionProofs(indices: readonly number[], leaves: readonly Buffer[]): Buffer[][] {
  const levels = treeLevels(leaves);
  return indices.map((leafIndex) => {
    if (leafIndex < 0 || leafIndex >= leaves.length)
      throw new RangeError(`leaf ${leafIndex} outside tree of size ${leaves.length}`);
    const path: Buffer[] = [];
    let i = leafIndex;
    for (const level of levels.slice(0, -1)) {
      const sibling = i ^ 1;
      // A promoted odd node has no sibling at this level: the RFC's path skips it.
      if (sibling * HASH < level.length)
        path.push(Buffer.from(level.subarray(sibling * HASH, (sibling + 1) * HASH)));
      i >>= 1;
    }
    return path;
  });
}
