/**
 * Runs async steps one after another in call order. Workflow promises are deterministic, so this
 * is a safe mutex: appends must reach the store in the order their versions were decided.
 */
export function serially(): <T>(step: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (step) => {
    const run = tail.then(step);
    tail = run.catch(() => undefined);
    return run;
  };
}
