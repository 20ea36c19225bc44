import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** What the witness remembers: the last checkpoint it cosigned (its tree), and nothing else. */
export interface WitnessState {
  sequence: number;
  treeSize: number;
  rootHash: string;
  checkpointHash: string;
}

export function readWitnessState(file: string): WitnessState | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as WitnessState) : undefined;
}

/** Written to a temporary file and renamed over the old one (0600), so a crash leaves the old state or the new. */
export function writeWitnessState(file: string, state: WitnessState): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(state)}\n`, { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
}
