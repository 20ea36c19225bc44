import { DEFAULT_POLICIES, evolve, evolveRotation, initialRotationState, initialState, type RotationEvent, type RotationState, type RoundEvent, type RoundState } from '@selter/domain';
import type { BundleEvent } from '@selter/event-store';

export type Folded = { kind: 'round'; state: RoundState } | { kind: 'rotation'; state: RotationState };

/** The event as the domain knows it: type, data and metadata from the hashed record. */
export function domainEvent(e: Pick<BundleEvent, 'record'>): { type: string; data: unknown; metadata: unknown; recordedAt: string } {
  return JSON.parse(e.record) as { type: string; data: unknown; metadata: unknown; recordedAt: string };
}

/**
 * Folds a stream's events with the domain's own evolve: a rotation's from `RotationPlanned`, a
 * round's otherwise. The domain's state keeps the policy id the stream was planned under, and no
 * policy is consulted here: the past is folded from what was recorded, not re-decided.
 */
export function foldStream(events: ReadonlyArray<{ type: string }>): Folded {
  if (events[0]?.type === 'RotationPlanned') {
    return { kind: 'rotation', state: (events as unknown as RotationEvent[]).reduce(evolveRotation, initialRotationState()) };
  }
  return { kind: 'round', state: (events as unknown as RoundEvent[]).reduce(evolve, initialState()) };
}

const policyTitle = (id: string): string => DEFAULT_POLICIES.get(id)?.title.en ?? 'unknown policy';

function roundLines(state: RoundState): string[] {
  if (state.status === 'empty') return ['status: empty (nothing planned yet)'];
  const lines = [`round ${state.roundId}: ${state.status}`, `policy: ${state.policyId} (${policyTitle(state.policyId)})`];
  const posts = 'posts' in state ? Object.values(state.posts) : [];
  if (posts.length === 0) return [...lines, `posts planned: ${state.plan.posts.length}`];
  lines.push('posts:');
  for (const post of posts) {
    const count = (p: (a: (typeof post.applicants)[number]) => boolean): number => post.applicants.filter(p).length;
    const counts = `eligible ${count((a) => a.verdict === 'eligible')}, ineligible ${count((a) => a.verdict === 'ineligible')}, withdrawn ${count((a) => a.withdrawn)}`;
    lines.push(`  ${post.plan.postId}  ${post.plan.title}: ${post.status}, run ${post.run}, ${post.applicants.length} applicants (${counts})`);
  }
  return lines;
}

function rotationLines(state: RotationState): string[] {
  if (state.status === 'empty') return ['status: empty (nothing planned yet)'];
  const lines = [`rotation ${state.rotationId}: ${state.status}`, `policy: ${state.policyId} (${policyTitle(state.policyId)})`];
  lines.push(`posts ${state.posts.length}, incumbents ${state.incumbents.length}, eligible ${state.eligible.length}, at the tenure limit ${state.tenureLimitReached.length}`);
  if ('placements' in state) lines.push(`placements ${state.placements.length}, open selection needed for ${state.openSelectionNeeded.length} post(s)`);
  return lines;
}

/** A readable summary of a folded state (posts with status and applicant counts). */
export function summarize(folded: Folded): string[] {
  return folded.kind === 'round' ? roundLines(folded.state) : rotationLines(folded.state);
}
