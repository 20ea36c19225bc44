import type { AwaitedRotationDecision } from '@selter/contracts';
import type { RotationState } from '@selter/domain';

/**
 * The decision each role is awaited for in a rotation (PROCESS.md 3.1). A hint for inboxes and
 * reminders, derived from state alone; the decider stays the only judge of what is allowed.
 */
export function awaitedRotationDecisions(state: RotationState): AwaitedRotationDecision[] {
  switch (state.status) {
    case 'empty':
      return [{ role: 'operator', command: 'PlanRotation' }];
    case 'planned':
    case 'rejected':
      return [{ role: 'oversight', command: 'RecordRotationRecommendation' }];
    case 'recommended':
      return [{ role: 'pansel', command: 'RecordRotationTests' }];
    case 'tested':
      return [{ role: 'pansel', command: 'ProposeRotationMapping' }];
    case 'mapped':
      return [{ role: 'oversight', command: 'RecordRotationApproval' }];
    case 'approved':
      return [{ role: 'ppk', command: 'IssueRotationDecree' }];
    case 'decreed':
      return [];
    default: {
      const exhaustive: never = state;
      return exhaustive;
    }
  }
}
