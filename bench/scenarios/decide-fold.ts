// decide-fold: fold every event of the largest round (20 posts, 1,500 applicants, every stage to
// inauguration) and decide one more command, against a loop that only JSON.parse's the same events.
// Both loops parse the serialized events, so the ratio isolates what evolve + decide add to parsing.
import { decide, evolve, initialState, type RoundEvent, type RoundState } from '@selter/domain';
import { buildLargeRound } from '@selter/domain/testing';
import type { Scenario } from '../harness';

const REPEATS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const scenario: Scenario = {
  name: 'decide-fold',
  description: 'Fold the largest round (20 posts, 1,500 applicants) with evolve and decide one more command',
  needs: [],
  async run(ctx) {
    const { events, lastCommand } = buildLargeRound();
    const lines = events.map((event) => JSON.stringify(event));
    const foldRun = (): number => {
      const start = performance.now();
      let state: RoundState = initialState();
      for (const line of lines) state = evolve(state, JSON.parse(line) as RoundEvent);
      if (decide(lastCommand, state).length === 0) throw new Error('the last command produced no event');
      return performance.now() - start;
    };
    const parseRun = (): number => {
      const start = performance.now();
      let parsed = 0;
      for (const line of lines) if (JSON.parse(line)) parsed += 1;
      if (parsed !== lines.length) throw new Error('parse mismatch');
      return performance.now() - start;
    };
    foldRun();
    parseRun(); // warm-up
    const foldTimes: number[] = [];
    const parseTimes: number[] = [];
    for (let i = 0; i < REPEATS; i += 1) {
      foldTimes.push(foldRun());
      parseTimes.push(parseRun());
    }
    const foldMs = median(foldTimes);
    const parseMs = median(parseTimes);
    const value = (events.length / foldMs) * 1000;
    const baseline = (events.length / parseMs) * 1000;
    ctx.log(
      `decide-fold: ${events.length} events, fold ${foldMs.toFixed(1)} ms, parse ${parseMs.toFixed(1)} ms`,
    );
    return {
      unit: 'events/s',
      value,
      baseline,
      ratio: value / baseline,
      details: { events: events.length, foldMs, parseMs, targetFoldMs: 50, targetRatio: 0.3 },
    };
  },
};

export default scenario;
