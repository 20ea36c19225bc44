/** Retries `probe` until it resolves or `timeoutMs` passes; rethrows the last failure. */
export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T>,
  {
    timeoutMs = 60_000,
    intervalMs = 200,
    abortIf,
  }: { timeoutMs?: number; intervalMs?: number; abortIf?: () => string | undefined } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    const reason = abortIf?.();
    if (reason) throw new Error(`${what}: ${reason}`);
    try {
      return await probe();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? lastError.message : String(lastError);
      throw new Error(`${what}: not ready after ${timeoutMs} ms (${detail})`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
