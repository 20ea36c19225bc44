import type { IssueRotationDecree, RecordRotationApproval, RotationEvent, RotationState } from '../types';
import { requireBody, requireStatus, type RCtx } from '../context';

/** RecordRotationApproval: the overseer approves the proposed mapping. */
export function recordApproval(
  command: RecordRotationApproval,
  state: RotationState,
  ctx: RCtx,
): RotationEvent[] {
  requireStatus(state, ['mapped'], command.type);
  requireBody(ctx, 'rotationApproval', command.data.issuedBy);
  return [ctx.emit('RotationApproved', command.data)];
}

/** IssueRotationDecree: after the overseer's approval; each post without a suitable official needs open selection. */
export function issueDecree(command: IssueRotationDecree, state: RotationState, ctx: RCtx): RotationEvent[] {
  const s = requireStatus(state, ['approved'], command.type);
  const decreed = ctx.emit('RotationDecreed', {
    decreeNumber: command.data.decreeNumber,
    placements: s.placements,
  });
  const reason = 'Tidak ada pejabat yang sesuai (PP 11/2017 Pasal 131) / no suitable official';
  return [
    decreed,
    ...s.openSelectionNeeded.map((postId) => ctx.emit('OpenSelectionRequired', { postId, reason })),
  ];
}
