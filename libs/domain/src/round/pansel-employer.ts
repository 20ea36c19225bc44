import type { PanselMember, RoundPlan } from './plan-types';

// R2 (PROCESS.md §7): whether a pansel member is internal follows from where they work, not from a
// flag the operator sets. The agency's own officials (any unit of the same regional government)
// are internal; a member of another government, a university or a firm is external.

const ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/\bpemkab\b/g, 'kabupaten'],
  [/\bpemkot\b/g, 'kota'],
  [/\bpemprov\b/g, 'provinsi'],
  [/\bkab\b/g, 'kabupaten'],
  [/\bprov\b/g, 'provinsi'],
];

/** Lower case, letters and digits only, single spaces, common abbreviations spelled out. */
function normalised(name: string): string {
  let text = name
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  for (const [short, long] of ABBREVIATIONS) text = text.replace(short, long);
  return text.replace(/\s+/g, ' ');
}

/** The government an agency name designates ("kabupaten contoh"), or the whole name when none is named. */
export function governmentOf(agencyName: string): string {
  const name = normalised(agencyName);
  const match = /\b(kabupaten|kota|provinsi)\b.*$/.exec(name);
  return match ? match[0] : name;
}

/**
 * Does this employer belong to the round's agency's government? Its name must end with the
 * government's ("Inspektorat Kabupaten Contoh", "BKPSDM Kab. Contoh"): "Kabupaten Contoh Barat"
 * or "Kota Contoh" is another government.
 */
export function worksForAgency(employer: string, agency: RoundPlan['agency']): boolean {
  const government = governmentOf(agency.name);
  const where = normalised(employer);
  return where === government || where.endsWith(` ${government}`);
}

/**
 * R2: internal when the member works for the round's agency. A member recorded before employers
 * were (no `employer`: old events replay as they were decided) keeps the affiliation it was given.
 */
export function isInternalMember(member: PanselMember, agency: RoundPlan['agency']): boolean {
  if (member.employer !== undefined) return worksForAgency(member.employer, agency);
  return member.affiliation === 'internal';
}

/** The member ids R2 counts as internal, in pansel order. */
export const internalMembers = (plan: Pick<RoundPlan, 'agency' | 'pansel'>): string[] =>
  plan.pansel.members.filter((m) => isInternalMember(m, plan.agency)).map((m) => m.memberId);
