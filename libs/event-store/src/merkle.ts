import { createHash } from 'node:crypto';

// A Merkle tree in the style of Certificate Transparency (RFC 9162 section 2.1): leaves and
// nodes are domain-separated (0x00 / 0x01), and the tree over n leaves splits at the largest
// power of two below n, so it only ever grows on the right (append-only).

const sha256 = (...parts: Buffer[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

/** The hash of a leaf's input bytes. */
export const leafHash = (input: Buffer): Buffer => sha256(LEAF, input);
/** The hash of an interior node. */
export const nodeHash = (left: Buffer, right: Buffer): Buffer => sha256(NODE, left, right);
/** MTH of the empty tree. */
export const EMPTY_ROOT = sha256();

const largestPowerOfTwoBelow = (n: number): number => 2 ** Math.floor(Math.log2(n - 1));

/** MTH over already-hashed leaves (bottom-up pairing gives the same tree as the RFC's recursion). */
export function merkleRoot(leafHashes: readonly Buffer[]): Buffer {
  if (leafHashes.length === 0) return EMPTY_ROOT;
  let level = [...leafHashes];
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i + 1 < level.length; i += 2)
      next.push(nodeHash(level[i] as Buffer, level[i + 1] as Buffer));
    if (level.length % 2 === 1) next.push(level[level.length - 1] as Buffer);
    level = next;
  }
  return level[0] as Buffer;
}

/** PATH(m, D[n]): the audit path proving leaf `index` is in the tree of `leafHashes`. */
export function inclusionProof(index: number, leafHashes: readonly Buffer[]): Buffer[] {
  const n = leafHashes.length;
  if (index < 0 || index >= n) throw new RangeError(`leaf ${index} outside tree of size ${n}`);
  if (n === 1) return [];
  const k = largestPowerOfTwoBelow(n);
  return index < k
    ? [...inclusionProof(index, leafHashes.slice(0, k)), merkleRoot(leafHashes.slice(k))]
    : [...inclusionProof(index - k, leafHashes.slice(k)), merkleRoot(leafHashes.slice(0, k))];
}

/** RFC 9162 2.1.3.2: does `proof` put `leaf` at `index` of a tree of `treeSize` with `root`? */
export function verifyInclusion(
  index: number,
  treeSize: number,
  leaf: Buffer,
  proof: readonly Buffer[],
  root: Buffer,
): boolean {
  if (index < 0 || index >= treeSize) return false;
  let fn = index;
  let sn = treeSize - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && r.equals(root);
}

function subproof(m: number, leaves: readonly Buffer[], complete: boolean): Buffer[] {
  const n = leaves.length;
  if (m === n) return complete ? [] : [merkleRoot(leaves)];
  const k = largestPowerOfTwoBelow(n);
  return m <= k
    ? [...subproof(m, leaves.slice(0, k), complete), merkleRoot(leaves.slice(k))]
    : [...subproof(m - k, leaves.slice(k), false), merkleRoot(leaves.slice(0, k))];
}

/** PROOF(m, D[n]): proves the tree of the first `firstSize` leaves is a prefix of the whole tree. */
export function consistencyProof(firstSize: number, leafHashes: readonly Buffer[]): Buffer[] {
  if (firstSize < 0 || firstSize > leafHashes.length)
    throw new RangeError(`size ${firstSize} outside 0..${leafHashes.length}`);
  if (firstSize === 0 || firstSize === leafHashes.length) return [];
  return subproof(firstSize, leafHashes, true);
}

/** RFC 9162 2.1.4.2: is the tree (`firstSize`, `firstRoot`) a prefix of (`secondSize`, `secondRoot`)? */
export function verifyConsistency(
  firstSize: number,
  secondSize: number,
  firstRoot: Buffer,
  secondRoot: Buffer,
  proof: readonly Buffer[],
): boolean {
  if (firstSize > secondSize || firstSize < 0) return false;
  if (firstSize === secondSize) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (firstSize === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = (firstSize & (firstSize - 1)) === 0 ? [firstRoot, ...proof] : [...proof];
  let fn = firstSize - 1;
  let sn = secondSize - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0] as Buffer;
  let sr = path[0] as Buffer;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (fn % 2 === 0 && fn !== 0) {
        fn = Math.floor(fn / 2);
        sn = Math.floor(sn / 2);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && fr.equals(firstRoot) && sr.equals(secondRoot);
}

/**
 * The right edge of a growing tree (one perfect subtree root per set bit of the size), so a
 * checkpointer extends the root leaf by leaf without re-reading the log.
 */
export class MerkleFrontier {
  private readonly stack: Array<{ size: number; hash: Buffer }> = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  append(leaf: Buffer): void {
    let node = { size: 1, hash: leaf };
    for (
      let top = this.stack[this.stack.length - 1];
      top && top.size === node.size;
      top = this.stack[this.stack.length - 1]
    ) {
      this.stack.pop();
      node = { size: top.size * 2, hash: nodeHash(top.hash, node.hash) };
    }
    this.stack.push(node);
    this.count += 1;
  }

  /** A frontier that grows independently of this one (a tree to check before it replaces this one). */
  clone(): MerkleFrontier {
    const copy = new MerkleFrontier();
    copy.stack.push(...this.stack);
    copy.count = this.count;
    return copy;
  }

  /** The root of the perfect subtree over leaves [start, end) of this frontier, if it is one of its nodes. */
  node(start: number, end: number): Buffer | undefined {
    let offset = 0;
    for (const n of this.stack) {
      if (offset === start && offset + n.size === end) return n.hash;
      offset += n.size;
    }
    return undefined;
  }

  root(): Buffer {
    if (this.stack.length === 0) return EMPTY_ROOT;
    let hash = (this.stack[this.stack.length - 1] as { hash: Buffer }).hash;
    for (let i = this.stack.length - 2; i >= 0; i -= 1)
      hash = nodeHash((this.stack[i] as { hash: Buffer }).hash, hash);
    return hash;
  }
}

/**
 * PROOF(m, D[n]) from the old tree's frontier (its m leaves, as perfect subtrees) and the leaves
 * appended since: every node of the proof lies either wholly before m (a frontier node) or wholly
 * after it, so the proof costs the new leaves, not the whole log.
 */
export function consistencyProofFromFrontier(old: MerkleFrontier, newLeaves: readonly Buffer[]): Buffer[] {
  const m = old.size;
  const n = m + newLeaves.length;
  if (m === 0 || newLeaves.length === 0) return [];
  const root = (start: number, end: number): Buffer => {
    if (start >= m) return merkleRoot(newLeaves.slice(start - m, end - m));
    const node = old.node(start, end);
    if (!node) throw new RangeError(`[${start}, ${end}) is not a node of the frontier of ${m} leaves`);
    return node;
  };
  const sub = (size: number, start: number, end: number, complete: boolean): Buffer[] => {
    if (size === end - start) return complete ? [] : [root(start, end)];
    const k = largestPowerOfTwoBelow(end - start);
    return size <= k
      ? [...sub(size, start, start + k, complete), root(start + k, end)]
      : [...sub(size - k, start + k, end, false), root(start, start + k)];
  };
  return sub(m, 0, n, true);
}
