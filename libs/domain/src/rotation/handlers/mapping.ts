import type { ProposeRotationMapping, RotationEvent, RotationState } from '../types';
import { requireStatus, type RCtx } from '../context';
import { fail } from '../../shared/errors';

/** ProposeRotationMapping: one tested official per post, never their own; posts left empty need open selection. */
export function proposeMapping(
  command: ProposeRotationMapping,
  state: RotationState,
  ctx: RCtx,
): RotationEvent[] {
  const s = requireStatus(state, ['tested'], command.type);
  const { placements, noSuitableOfficial } = command.data;
  const bad = (why: string): never =>
    fail('ROTATION.MAPPING_INVALID', `Pemetaan tidak sah: ${why}`, `Invalid mapping: ${why}`, { why });
  const nips = placements.map((p) => p.nip);
  const targets = [...placements.map((p) => p.postId), ...noSuitableOfficial];
  if (new Set(nips).size !== nips.length) bad('an official placed twice');
  if (new Set(targets).size !== targets.length) bad('a post listed twice');
  const untested = nips.find((nip) => !s.results.some((r) => r.nip === nip));
  if (untested)
    fail(
      'ROTATION.NOT_TESTED',
      `${untested} belum mengikuti uji kompetensi`,
      `${untested} has not been tested`,
      { nip: untested },
    );
  if (placements.some((p) => s.incumbents.find((i) => i.nip === p.nip)?.postId === p.postId))
    bad('an official mapped to their own post');
  const missing = s.posts.filter((p) => !targets.includes(p.postId)).map((p) => p.postId);
  const unknown = targets.filter((id) => !s.posts.some((p) => p.postId === id));
  if (missing.length > 0 || unknown.length > 0)
    bad(`posts unaccounted for: ${[...missing, ...unknown].join(', ')}`);
  return [ctx.emit('RotationMappingProposed', { placements, openSelectionNeeded: noSuitableOfficial })];
}
