/** One piece of a timeline summary: a known kind with its value, or a word as the API wrote it. */
export type SummaryPart =
  | { kind: 'post' | 'applicant' | 'stage' | 'letter' | 'results'; value: string }
  | { kind: 'word'; value: string };

const PREFIXED = /^(post|applicant|stage|letter) (.+)$/;
const RESULTS = /^(\d+) result\(s\)$/;

/**
 * Splits a timeline summary ("Type: post p1, applicant a1, ineligible, reason: …", written by
 * libs/projections/src/read-models/timeline/evolve.ts) into parts the console can word in the
 * reader's language, and the reason. The reason comes last and may itself hold commas.
 */
export function parseSummary(type: string, summary: string): { parts: SummaryPart[]; reason: string | null } {
  const body = summary.startsWith(`${type}: `)
    ? summary.slice(type.length + 2)
    : summary === type
      ? ''
      : summary;
  const at = body.startsWith('reason: ') ? 0 : body.indexOf(', reason: ');
  const reason = at < 0 ? null : body.slice(at === 0 ? 'reason: '.length : at + ', reason: '.length);
  const rest = at < 0 ? body : body.slice(0, at);
  const parts = rest
    .split(', ')
    .filter((part) => part.length > 0)
    .map((part): SummaryPart => {
      const prefixed = PREFIXED.exec(part);
      if (prefixed)
        return { kind: prefixed[1] as 'post' | 'applicant' | 'stage' | 'letter', value: prefixed[2] ?? '' };
      const results = RESULTS.exec(part);
      return results ? { kind: 'results', value: results[1] ?? '0' } : { kind: 'word', value: part };
    });
  return { parts, reason };
}
