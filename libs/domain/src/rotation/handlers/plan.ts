import { rotationIneligibility, tenureLimitFlag } from '../tenure';
import type { PlanRotation, RotationEvent, RotationState } from '../types';
import type { RCtx } from '../context';
import { fail } from '../../shared/errors';

/** PlanRotation: lists incumbents eligible by tenure (R31), excluding those at retirement (R33), flagging R30. */
export function planRotation(command: PlanRotation, state: RotationState, ctx: RCtx): RotationEvent[] {
  if (state.status !== 'empty')
    fail('ROTATION.ALREADY_PLANNED', 'Rotasi sudah direncanakan', 'The rotation is already planned', {});
  const { agency, posts, incumbents } = command.data;
  const unknown = incumbents.find((i) => !posts.some((p) => p.postId === i.postId));
  if (unknown)
    fail(
      'ROTATION.UNKNOWN_POST',
      `Jabatan ${unknown.postId} tidak ada`,
      `Post ${unknown.postId} is not in the rotation`,
      { postId: unknown.postId },
    );
  const ineligible = incumbents
    .map((i) => rotationIneligibility(i, ctx.today, ctx.policy))
    .filter((v) => v !== null);
  const eligible = incumbents.filter((i) => !ineligible.some((v) => v.nip === i.nip)).map((i) => i.nip);
  const tenureLimitReached = incumbents
    .map((i) => tenureLimitFlag(i, ctx.today, ctx.policy))
    .filter((v) => v !== null);
  return [
    ctx.emit('RotationPlanned', {
      policyId: ctx.policy.id,
      agency,
      posts,
      incumbents,
      eligible,
      ineligible,
      tenureLimitReached,
    }),
  ];
}
