import type { PlanBody } from '../types';

// The API has no endpoint that returns a round's plan yet, so the browser keeps the plan it sent
// (and the policy it asked for), per round, to start a revision from it: RevisePlan replaces the
// whole plan, and the round stays under the policy it was planned with. A plan names pansel members
// and their conflicts of interest (NIPs): personal data, so it lives in sessionStorage (the tab)
// and sign-out clears it (session.ts) (ASVS L2, ADR 21), never in localStorage.
const keyOf = (roundId: string) => `selter.plan.${roundId}`;

export interface SavedPlan {
  plan: PlanBody;
  policyId?: string;
}

export function savePlan(roundId: string, saved: SavedPlan): void {
  try {
    sessionStorage.setItem(keyOf(roundId), JSON.stringify(saved));
  } catch {
    // Storage full or disabled: a revision then starts from an empty plan.
  }
}

export function savedPlan(roundId: string): SavedPlan | null {
  try {
    const text = sessionStorage.getItem(keyOf(roundId));
    return text ? (JSON.parse(text) as SavedPlan) : null;
  } catch {
    return null;
  }
}
