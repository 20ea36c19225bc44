import { isRestoring, isSwitchingRuns } from '@selter/contracts';

/**
 * Client-side retries for tests and benchmarks that talk to a round's workflow directly (the API has
 * its own, bounded by its server-side deadline, in its workflow port). Both cover only the moment a
 * round switches runs (ADR 13); any other failure is passed on at once.
 */

/** Sends a decision, again while its round switches runs (a moment; at most ~`attempts` × `delayMs`). */
export async function sendThroughRunSwitch<T>(
  send: () => Promise<T>,
  attempts = 100,
  delayMs = 100,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (!isSwitchingRuns(error) || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

/** Runs a round query, again for the moment the round folds back after continue-as-new. */
export async function queryThroughRestore<T>(
  query: () => Promise<T>,
  attempts = 20,
  delayMs = 100,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await query();
    } catch (error) {
      if (attempt >= attempts || !isRestoring(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
