/**
 * The one place workflow code reads the time. Inside Temporal's workflow sandbox `Date` is
 * replaced by the time of the workflow task being run, recorded in history, so this is
 * deterministic on replay (https://docs.temporal.io/develop/typescript/core-application).
 * Outside a workflow it would be the wall clock, which is why the lint forbids `Date.now()` and
 * `new Date()` in workflows/ everywhere but here.
 */
export function workflowNowMs(): number {
  return Date.now();
}

/** The workflow task's time as an ISO instant. */
export function workflowNowIso(): string {
  return new Date(workflowNowMs()).toISOString();
}
