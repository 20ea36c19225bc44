import type { RotationEvent, RotationState } from './types';

/** Folds one rotation event. Pure and total: an event that does not fit only bumps the version. */
export function evolveRotation(state: RotationState, event: RotationEvent): RotationState {
  const version = state.version + 1;
  switch (event.type) {
    case 'RotationPlanned': {
      const { rotationId, policyId, posts, incumbents, eligible, tenureLimitReached } = event.data;
      return {
        status: 'planned',
        version,
        rotationId,
        policyId,
        posts,
        incumbents,
        eligible,
        tenureLimitReached,
      };
    }
    case 'RotationRecommended':
      return state.status === 'planned' || state.status === 'rejected'
        ? { ...state, status: 'recommended', version }
        : { ...state, version };
    case 'RotationRecommendationRejected':
      return state.status === 'planned'
        ? { ...state, status: 'rejected', version, reason: event.data.reason }
        : { ...state, version };
    case 'RotationTestsRecorded':
      return state.status === 'recommended'
        ? { ...state, status: 'tested', version, results: event.data.results }
        : { ...state, version };
    case 'RotationMappingProposed': {
      if (state.status !== 'tested') return { ...state, version };
      const { placements, openSelectionNeeded } = event.data;
      return { ...state, status: 'mapped', version, placements, openSelectionNeeded };
    }
    case 'RotationApproved':
      return state.status === 'mapped' ? { ...state, status: 'approved', version } : { ...state, version };
    case 'RotationDecreed': {
      if (state.status !== 'approved') return { ...state, version };
      const {
        rotationId,
        policyId,
        posts,
        incumbents,
        eligible,
        tenureLimitReached,
        placements,
        openSelectionNeeded,
      } = state;
      return {
        status: 'decreed',
        version,
        rotationId,
        policyId,
        posts,
        incumbents,
        eligible,
        tenureLimitReached,
        placements,
        openSelectionNeeded,
        decreeNumber: event.data.decreeNumber,
      };
    }
    case 'OpenSelectionRequired':
      return { ...state, version };
    default: {
      const exhaustive: never = event;
      void exhaustive;
      return { ...state, version };
    }
  }
}
