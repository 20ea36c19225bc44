import { buildFullRound } from './full-round';
import type { RoundCommand } from '../round/commands';
import type { RoundEvent } from '../round/events';

/** The largest round we plan for: 20 posts, 1,500 applicants, every stage to inauguration. */
export const LARGEST_ROUND = { posts: 20, applicants: 1500 } as const;

/**
 * Every event of the largest round except the last inauguration, and that inauguration as a command,
 * so a benchmark can fold the round and decide one more command.
 */
export function buildLargeRound(options: { posts?: number; applicants?: number; seed?: number } = {}): {
  events: RoundEvent[];
  lastCommand: RoundCommand;
} {
  const { stream, lastCommand } = buildFullRound({ ...LARGEST_ROUND, ...options });
  return { events: stream.events, lastCommand };
}
