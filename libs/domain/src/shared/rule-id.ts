/** Ids of the checkable rules of PROCESS.md §2. */
export const RULE_IDS = [
  'R1',
  'R2',
  'R3',
  'R4',
  'R5',
  'R6',
  'R7',
  'R8',
  'R9',
  'R10',
  'R11',
  'R12',
  'R13',
  'R14',
  'R15',
  'R16',
  'R17',
  'R18',
  'R19',
  'R20',
  'R21',
  'R22',
  'R23',
  'R24',
  'R25',
  'R26',
  'R27',
  'R28',
  'R29',
  'R30',
  'R31',
  'R32',
  'R33',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** A sentence a person can read, Bahasa Indonesia first, English second. */
export interface Reason {
  readonly id: string;
  readonly en: string;
}
