import { Injectable } from '@nestjs/common';
import type { RoundState } from '@selter/domain';
import { RoundWorkflows } from '../workflows/round-workflows';
import type { RoundRef } from './round-id';

/** What authorisation needs to know about a round, read from its workflow's state. */
export interface RoundFacts {
  readonly status: RoundState['status'];
  readonly policyId: string | undefined;
  readonly panselMembers: ReadonlySet<string>;
  /** Declared conflicts of interest: applicant id -> pansel member ids (ApplicantRegistered.conflictedMembers). */
  readonly conflicts: ReadonlyMap<string, readonly string[]>;
}

const TTL_MS = 5_000;

function factsOf(state: RoundState): RoundFacts {
  if (state.status === 'empty')
    return { status: 'empty', policyId: undefined, panselMembers: new Set(), conflicts: new Map() };
  const posts = 'posts' in state ? Object.values(state.posts) : [];
  return {
    status: state.status,
    policyId: state.policyId,
    panselMembers: new Set(state.plan.pansel.members.map((m) => m.memberId)),
    conflicts: new Map(
      posts.flatMap((p) => p.applicants.map((a) => [a.applicantId, a.conflictedMembers] as const)),
    ),
  };
}

/**
 * Round facts from the workflow's state Query, kept a few seconds per round. Only the pansel
 * (RevisePlan, before the announcement) and the applicants change; an unknown applicant refreshes
 * at once, and a decision that changes either drops the entry (ADR 10 discusses the window).
 */
@Injectable()
export class RoundFactsCache {
  private readonly entries = new Map<string, { facts: Promise<RoundFacts>; at: number }>();

  constructor(private readonly rounds: RoundWorkflows) {}

  async get(round: RoundRef, needApplicants: readonly string[] = []): Promise<RoundFacts> {
    const cached = this.entries.get(round.id);
    if (cached && Date.now() - cached.at < TTL_MS) {
      const facts = await cached.facts.catch(() => undefined);
      if (facts && needApplicants.every((a) => facts.conflicts.has(a))) return facts;
    }
    const facts = this.load(round);
    this.entries.set(round.id, { facts, at: Date.now() });
    if (this.entries.size > 10_000) this.entries.delete(this.entries.keys().next().value as string);
    return facts;
  }

  forget(round: RoundRef): void {
    this.entries.delete(round.id);
  }

  private async load(round: RoundRef): Promise<RoundFacts> {
    try {
      return factsOf(await this.rounds.state(round));
    } catch (error) {
      this.entries.delete(round.id);
      throw error;
    }
  }
}
