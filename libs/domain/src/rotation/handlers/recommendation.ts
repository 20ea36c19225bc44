import type { RecordRotationRecommendation, RotationEvent, RotationState } from '../types';
import { requireBody, requireStatus, type RCtx } from '../context';
import { fail } from '../../shared/errors';

/** RecordRotationRecommendation: the overseer's recommendation before any test. */
export function recordRecommendation(
  command: RecordRotationRecommendation,
  state: RotationState,
  ctx: RCtx,
): RotationEvent[] {
  requireStatus(state, ['planned', 'rejected'], command.type);
  const { issuedBy, letterNumber, decision, reason } = command.data;
  requireBody(ctx, 'rotationRecommendation', issuedBy);
  if (decision === 'approved') return [ctx.emit('RotationRecommended', { issuedBy, letterNumber })];
  if (!reason?.trim())
    fail('REASON.REQUIRED', 'Alasan penolakan wajib diisi', 'A rejection needs a reason', {});
  return [ctx.emit('RotationRecommendationRejected', { issuedBy, letterNumber, reason })];
}
