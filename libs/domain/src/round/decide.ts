import type { RoundCalendar } from '../calendar/calendar';
import type { RoundCommand } from './commands';
import { contextFor, policyOf, type Ctx, type DeciderOptions } from './context';
import type { RoundEvent } from './events';
import { evolve } from './evolve';
import { announceRound } from './handlers/announce';
import { chaseDecision, passRegistrationDeadline } from './handlers/deadlines';
import { cancelPost, cancelRound, rerunPost } from './handlers/cancellation';
import { chooseAppointee, consultDprdLeadership, reportToGovernor } from './handlers/choice';
import {
  recordDprdLeadershipDecision,
  recordGovernorReply,
  withdrawAppointee,
} from './handlers/coordination';
import {
  inaugurateAppointee,
  issueAppointmentDecree,
  recordInaugurationRecommendation,
} from './handlers/inauguration';
import {
  planRound,
  recordMendagriApproval,
  recordPlanRecommendation,
  revisePlan,
  submitPlan,
} from './handlers/plan';
import {
  closeRegistration,
  decideUnderfilledPost,
  extendRegistration,
  registerApplicant,
} from './handlers/registration';
import { announceShortlist, proposeShortlist, reviewShortlist } from './handlers/shortlist';
import { amendStage, publishStageResults, recordStageResults } from './handlers/stages';
import { recordAdministrativeVerdict, withdrawApplicant } from './handlers/verdicts';
import { initialState, TERMINAL_POST_STATUSES, type RoundState } from './state';
import { DEFAULT_POLICIES, getPolicy, isInForce, policyFor, type PolicyRegistry } from '../policy/registry';
import type { Policy } from '../policy/types';
import { fail, tryDecideWith, type DecideResult } from '../shared/errors';
import { refuseUncleanCommand } from '../shared/text';
import { dateOf } from '../shared/time';

function route(command: RoundCommand, state: RoundState, ctx: Ctx): RoundEvent[] {
  switch (command.type) {
    case 'PlanRound':
      return planRound(command, state, ctx);
    case 'RevisePlan':
      return revisePlan(command, state, ctx);
    case 'SubmitPlanForRecommendation':
      return submitPlan(command, state, ctx);
    case 'RecordPlanRecommendation':
      return recordPlanRecommendation(command, state, ctx);
    case 'RecordMendagriApproval':
      return recordMendagriApproval(command, state, ctx);
    case 'AnnounceRound':
      return announceRound(command, state, ctx);
    case 'RegisterApplicant':
      return registerApplicant(command, state, ctx);
    case 'ExtendRegistration':
      return extendRegistration(command, state, ctx);
    case 'CloseRegistration':
      return closeRegistration(command, state, ctx);
    case 'DecideUnderfilledPost':
      return decideUnderfilledPost(command, state, ctx);
    case 'RecordAdministrativeVerdict':
      return recordAdministrativeVerdict(command, state, ctx);
    case 'RecordStageResults':
      return recordStageResults(command, state, ctx);
    case 'WithdrawApplicant':
      return withdrawApplicant(command, state, ctx);
    case 'PublishStageResults':
      return publishStageResults(command, state, ctx);
    case 'AmendStage':
      return amendStage(command, state, ctx);
    case 'ProposeShortlist':
      return proposeShortlist(command, state, ctx);
    case 'ReviewShortlist':
      return reviewShortlist(command, state, ctx);
    case 'AnnounceShortlist':
      return announceShortlist(command, state, ctx);
    case 'ConsultDprdLeadership':
      return consultDprdLeadership(command, state, ctx);
    case 'ChooseAppointee':
      return chooseAppointee(command, state, ctx);
    case 'ReportToGovernor':
      return reportToGovernor(command, state, ctx);
    case 'RecordGovernorReply':
      return recordGovernorReply(command, state, ctx);
    case 'RecordDprdLeadershipDecision':
      return recordDprdLeadershipDecision(command, state, ctx);
    case 'WithdrawAppointee':
      return withdrawAppointee(command, state, ctx);
    case 'RecordInaugurationRecommendation':
      return recordInaugurationRecommendation(command, state, ctx);
    case 'IssueAppointmentDecree':
      return issueAppointmentDecree(command, state, ctx);
    case 'InaugurateAppointee':
      return inaugurateAppointee(command, state, ctx);
    case 'CancelPost':
      return cancelPost(command, state, ctx);
    case 'RerunPost':
      return rerunPost(command, state, ctx);
    case 'CancelRound':
      return cancelRound(command, state, ctx);
    case 'PassRegistrationDeadline':
      return passRegistrationDeadline(command, state, ctx);
    case 'ChaseDecision':
      return chaseDecision(command, state, ctx);
    default: {
      const unknown: never = command;
      return fail('COMMAND.UNKNOWN', 'Perintah tidak dikenal', 'Unknown command', {
        type: (unknown as { type?: unknown }).type,
      });
    }
  }
}

/** The policy a PlanRound asks for (must be in force on the planning day), or the one in force that day. */
export function planningPolicy(command: RoundCommand, registry: PolicyRegistry): Policy {
  const today = dateOf(command.metadata.now);
  if (command.type !== 'PlanRound' || command.data.policyId === undefined) return policyFor(today, registry);
  const policy = getPolicy(command.data.policyId, registry);
  if (!isInForce(policy, today)) {
    fail(
      'POLICY.NOT_IN_FORCE',
      `Kebijakan ${policy.id} tidak berlaku pada ${today}`,
      `Policy ${policy.id} is not in force on ${today}`,
      {
        policyId: policy.id,
        today,
        validFrom: policy.validFrom,
        validTo: policy.validTo,
      },
    );
  }
  return policy;
}

/** Appends RoundClosed once every post of an announced round has reached a final status. */
function withClosure(state: RoundState, events: RoundEvent[], ctx: Ctx): RoundEvent[] {
  if (state.status !== 'announced' || events.length === 0) return events;
  const after = events.reduce(evolve, state);
  if (after.status !== 'announced') return events;
  const posts = after.postIds.map((id) => after.posts[id]);
  if (!posts.every((p) => p && TERMINAL_POST_STATUSES.includes(p.status))) return events;
  const inaugurated = posts.filter((p) => p?.status === 'inaugurated').length;
  return [...events, ctx.emit('RoundClosed', { inaugurated, withoutAppointee: posts.length - inaugurated })];
}

export interface RoundDecider {
  decide(command: RoundCommand, state: RoundState): RoundEvent[];
  evolve(state: RoundState, event: RoundEvent): RoundState;
  initialState(): RoundState;
}

/**
 * A round decider bound to a policy registry (each round is decided by the policy it was planned
 * under) and, for rounds that pinned one, the round's calendar (days off and the agency's zone).
 */
export function createRoundDecider(
  registry: PolicyRegistry = DEFAULT_POLICIES,
  calendar?: RoundCalendar,
  options: DeciderOptions = {},
): RoundDecider {
  return {
    decide(command, state) {
      refuseUncleanCommand(command);
      const roundId =
        state.status === 'empty' ? (command.type === 'PlanRound' ? command.data.roundId : '') : state.roundId;
      if (state.status === 'empty' && command.type !== 'PlanRound') {
        fail('ROUND.NOT_PLANNED', 'Ronde belum direncanakan', 'The round has not been planned', {
          command: command.type,
        });
      }
      const policy = state.status === 'empty' ? planningPolicy(command, registry) : policyOf(state, registry);
      const ctx = contextFor(command, roundId, policy, calendar, options);
      return withClosure(state, route(command, state, ctx), ctx);
    },
    evolve,
    initialState,
  };
}

const defaultDecider = createRoundDecider();

/** Decides a round command with the shipped policies; throws DomainError when refused. */
export function decide(command: RoundCommand, state: RoundState): RoundEvent[] {
  return defaultDecider.decide(command, state);
}

/** Like `decide`, returning a refusal as `{ ok: false, error }` instead of throwing. */
export function tryDecide(command: RoundCommand, state: RoundState): DecideResult<RoundEvent> {
  return tryDecideWith(decide, command, state);
}
