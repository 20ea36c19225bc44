import { bodyOf } from './call';
import { keys, useApiQuery } from './query';
import type { components } from './schema';
import { useSession } from '../session-context';

// The oversight bodies are data (ADR 27): the console offers the ones the API lists, never a
// copy of its own, so a body added to the data appears here without a release of the console.

/** GET /oversight-bodies: every body and who held the gates when. */
export type OversightBodies = components['schemas']['OversightBodies'];

/** The bodies as select options (`BKN` labelled "BKN: Badan Kepegawaian Negara"), the body in office today first. */
export function bodyOptions(list: OversightBodies | undefined): Array<{ value: string; label: string }> {
  const bodies = [...(list?.bodies ?? [])].sort(
    (a, b) => Number(b.id === list?.holder) - Number(a.id === list?.holder),
  );
  return bodies.map((b) => ({ value: b.id, label: `${b.id}: ${b.name.id}` }));
}

/** The oversight bodies, read once per page through the console's cache. */
export function useOversightBodies(): OversightBodies | undefined {
  const { api } = useSession();
  const loaded = useApiQuery(keys.oversightBodies, () => bodyOf(api.GET('/oversight-bodies')));
  return loaded.state === 'ready' ? loaded.data : undefined;
}
