/**
 * Recently appended stream heads of this process: (stream, version) -> hash. A stream's hash at a
 * version never changes (the log is append-only), so an entry is never wrong, only possibly no
 * longer the head, which the unique (stream, version) constraint then reports as a conflict.
 */
export class HeadCache {
  private readonly heads = new Map<string, { version: number; hash: Buffer; recordedAt?: string }>();

  constructor(private readonly capacity = 10_000) {}

  hashAt(streamId: string, version: number): Buffer | undefined {
    const head = this.heads.get(streamId);
    return head?.version === version ? head.hash : undefined;
  }

  /** When the event at `version` was recorded, if it is the head this process appended. */
  recordedAt(streamId: string, version: number): string | undefined {
    const head = this.heads.get(streamId);
    return head?.version === version ? head.recordedAt : undefined;
  }

  remember(streamId: string, version: number, hash: Buffer, recordedAt?: string): void {
    this.heads.delete(streamId); // re-insert: Map keeps insertion order, the oldest goes first
    this.heads.set(streamId, { version, hash, ...(recordedAt ? { recordedAt } : {}) });
    if (this.heads.size > this.capacity) this.heads.delete(this.heads.keys().next().value as string);
  }
}
