import { rotationIneligibility, tenureLimitFlag } from './tenure';
import type {
  IssueRotationDecree,
  PlanRotation,
  ProposeRotationMapping,
  RecordRotationApproval,
  RecordRotationRecommendation,
  RecordRotationTests,
  RotationCommand,
  RotationEvent,
  RotationState,
} from './types';
import { DEFAULT_POLICIES, getPolicy, policyFor, type PolicyRegistry } from '../policy/registry';
import type { OversightGate, Policy } from '../policy/types';
import { fail, tryDecideWith, type DecideResult } from '../shared/errors';
import { eventMetadataOf } from '../shared/metadata';
import { refuseUncleanCommand } from '../shared/text';
import { dateOf } from '../shared/time';

type Emit = <T extends RotationEvent['type']>(
  type: T,
  data: Omit<Extract<RotationEvent, { type: T }>['data'], 'rotationId' | 'at'>,
) => RotationEvent;
interface RCtx {
  policy: Policy;
  today: string;
  emit: Emit;
}
type Planned = Exclude<RotationState, { status: 'empty' }>;

function requireStatus<S extends RotationState['status']>(
  state: RotationState,
  statuses: readonly S[],
  command: string,
): Extract<RotationState, { status: S }> {
  if (!(statuses as readonly string[]).includes(state.status)) {
    fail(
      'ROTATION.WRONG_STATUS',
      `Perintah ${command} tidak dapat dijalankan pada status ${state.status}`,
      `${command} is not allowed while the rotation is ${state.status}`,
      { status: state.status, expected: statuses },
    );
  }
  return state as Extract<RotationState, { status: S }>;
}

function requireBody(policy: Policy, gate: OversightGate, issuedBy: string): void {
  const holder = policy.gates[gate].value;
  if (holder !== 'none' && holder !== issuedBy) {
    fail(
      'GATE.WRONG_AUTHORITY',
      `Gerbang ${gate} dipegang ${holder} menurut kebijakan ${policy.id}, bukan ${issuedBy}`,
      `Gate ${gate} is held by ${holder} under policy ${policy.id}, not ${issuedBy}`,
      { gate, expected: holder, actual: issuedBy },
    );
  }
}

/** PlanRotation: lists incumbents eligible by tenure (R31), excluding those at retirement (R33), flagging R30. */
function planRotation(command: PlanRotation, state: RotationState, ctx: RCtx): RotationEvent[] {
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

/** RecordRotationRecommendation: the overseer's recommendation before any test. */
function recordRecommendation(
  command: RecordRotationRecommendation,
  state: RotationState,
  ctx: RCtx,
): RotationEvent[] {
  requireStatus(state, ['planned', 'rejected'], command.type);
  const { issuedBy, letterNumber, decision, reason } = command.data;
  requireBody(ctx.policy, 'rotationRecommendation', issuedBy);
  if (decision === 'approved') return [ctx.emit('RotationRecommended', { issuedBy, letterNumber })];
  if (!reason?.trim())
    fail('REASON.REQUIRED', 'Alasan penolakan wajib diisi', 'A rejection needs a reason', {});
  return [ctx.emit('RotationRecommendationRejected', { issuedBy, letterNumber, reason })];
}

/** RecordRotationTests: results only for eligible incumbents (R31); excused officials are listed with a reason. */
function recordTests(command: RecordRotationTests, state: RotationState, ctx: RCtx): RotationEvent[] {
  const s = requireStatus(state, ['recommended'], command.type);
  const { results, excused = [] } = command.data;
  const outsider = [...results.map((r) => r.nip), ...excused.map((e) => e.nip)].find(
    (nip) => !s.eligible.includes(nip),
  );
  if (outsider) {
    const inPlan = s.incumbents.some((i) => i.nip === outsider);
    fail(
      inPlan ? 'ROTATION.NOT_ELIGIBLE' : 'ROTATION.UNKNOWN_OFFICIAL',
      `${outsider} tidak memenuhi syarat masa jabatan untuk uji kompetensi (R31)`,
      `${outsider} is not eligible by tenure for the test (R31)`,
      { nip: outsider },
    );
  }
  return [ctx.emit('RotationTestsRecorded', { results, excused })];
}

/** ProposeRotationMapping: one tested official per post, never their own; posts left empty need open selection. */
function proposeMapping(command: ProposeRotationMapping, state: RotationState, ctx: RCtx): RotationEvent[] {
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

function recordApproval(command: RecordRotationApproval, state: RotationState, ctx: RCtx): RotationEvent[] {
  requireStatus(state, ['mapped'], command.type);
  requireBody(ctx.policy, 'rotationApproval', command.data.issuedBy);
  return [ctx.emit('RotationApproved', command.data)];
}

/** IssueRotationDecree: after the overseer's approval; each post without a suitable official needs open selection. */
function issueDecree(command: IssueRotationDecree, state: RotationState, ctx: RCtx): RotationEvent[] {
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

function route(command: RotationCommand, state: RotationState, ctx: RCtx): RotationEvent[] {
  switch (command.type) {
    case 'PlanRotation':
      return planRotation(command, state, ctx);
    case 'RecordRotationRecommendation':
      return recordRecommendation(command, state, ctx);
    case 'RecordRotationTests':
      return recordTests(command, state, ctx);
    case 'ProposeRotationMapping':
      return proposeMapping(command, state, ctx);
    case 'RecordRotationApproval':
      return recordApproval(command, state, ctx);
    case 'IssueRotationDecree':
      return issueDecree(command, state, ctx);
    default: {
      const unknown: never = command;
      return fail('COMMAND.UNKNOWN', 'Perintah tidak dikenal', 'Unknown command', {
        type: (unknown as { type?: unknown }).type,
      });
    }
  }
}

/** A rotation decider bound to a policy registry. */
export function createRotationDecider(registry: PolicyRegistry = DEFAULT_POLICIES) {
  return (command: RotationCommand, state: RotationState): RotationEvent[] => {
    refuseUncleanCommand(command);
    const today = dateOf(command.metadata.now);
    const planned = state.status === 'empty' ? null : (state as Planned);
    if (!planned && command.type !== 'PlanRotation')
      fail('ROTATION.NOT_PLANNED', 'Rotasi belum direncanakan', 'The rotation is not planned', {});
    const policy = planned
      ? getPolicy(planned.policyId, registry)
      : command.type === 'PlanRotation' && command.data.policyId
        ? getPolicy(command.data.policyId, registry)
        : policyFor(today, registry);
    const rotationId =
      planned?.rotationId ?? (command.type === 'PlanRotation' ? command.data.rotationId : '');
    const metadata = eventMetadataOf(command.metadata);
    const emit: Emit = (type, data) =>
      ({ type, data: { ...data, rotationId, at: command.metadata.now }, metadata }) as unknown as never;
    return route(command, state, { policy, today, emit });
  };
}

/** Decides a rotation command with the shipped policies; throws DomainError when refused. */
export const decideRotation = createRotationDecider();

export function tryDecideRotation(
  command: RotationCommand,
  state: RotationState,
): DecideResult<RotationEvent> {
  return tryDecideWith(decideRotation, command, state);
}
