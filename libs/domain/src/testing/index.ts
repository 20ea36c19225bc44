// Test and benchmark support for @selter/domain (import '@selter/domain/testing'); not part of the domain API.
export * from './fixtures';
export * from './run';
export { buildFullRound, type FullRoundOptions } from './full-round';
export { lcg } from './random';
export * from './builder';
export { buildLargeRound, LARGEST_ROUND } from './large-round';
export { runClock, ROUND_CLOCK_ACTOR } from './clock';
export { DEMO_AGENCY, DEMO_ROUNDS, DEMO_USER_OF, demoCommands, type DemoRound } from './demo';
