import { DEFAULT_POLICIES, type FoldedStream, type RotationState, type RoundState } from '@selter/domain';
import type { BundleEvent } from '@selter/event-store';

/** The event as the domain knows it: type, data and metadata from the hashed record. */
export function domainEvent(e: Pick<BundleEvent, 'record'>): {
  type: string;
  data: unknown;
  metadata: unknown;
  recordedAt: string;
} {
  return JSON.parse(e.record) as { type: string; data: unknown; metadata: unknown; recordedAt: string };
}

const policyTitle = (id: string): string => DEFAULT_POLICIES.get(id)?.title.en ?? 'unknown policy';

function roundLines(state: RoundState): string[] {
  if (state.status === 'empty') return ['status: empty (nothing planned yet)'];
  const lines = [
    `round ${state.roundId}: ${state.status}`,
    `policy: ${state.policyId} (${policyTitle(state.policyId)})`,
  ];
  const posts = 'posts' in state ? Object.values(state.posts) : [];
  if (posts.length === 0) return [...lines, `posts planned: ${state.plan.posts.length}`];
  lines.push('posts:');
  for (const post of posts) {
    const count = (p: (a: (typeof post.applicants)[number]) => boolean): number =>
      post.applicants.filter(p).length;
    const counts = `eligible ${count((a) => a.verdict === 'eligible')}, ineligible ${count((a) => a.verdict === 'ineligible')}, withdrawn ${count((a) => a.withdrawn)}`;
    lines.push(
      `  ${post.plan.postId}  ${post.plan.title}: ${post.status}, run ${post.run}, ${post.applicants.length} applicants (${counts})`,
    );
  }
  return lines;
}

function rotationLines(state: RotationState): string[] {
  if (state.status === 'empty') return ['status: empty (nothing planned yet)'];
  const lines = [
    `rotation ${state.rotationId}: ${state.status}`,
    `policy: ${state.policyId} (${policyTitle(state.policyId)})`,
  ];
  lines.push(
    `posts ${state.posts.length}, incumbents ${state.incumbents.length}, eligible ${state.eligible.length}, at the tenure limit ${state.tenureLimitReached.length}`,
  );
  if ('placements' in state)
    lines.push(
      `placements ${state.placements.length}, open selection needed for ${state.openSelectionNeeded.length} post(s)`,
    );
  return lines;
}

/** A readable summary of a folded state (posts with status and applicant counts). */
export function summarize(folded: FoldedStream): string[] {
  return folded.kind === 'round' ? roundLines(folded.state) : rotationLines(folded.state);
}
