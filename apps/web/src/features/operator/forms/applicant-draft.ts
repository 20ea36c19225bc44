import type { DecisionBody } from '../../../api/decisions';

export type Profile = DecisionBody<'RegisterApplicant'>['applicant'];
export type DocumentKind = Profile['documents'][number];

/**
 * Every document R17 may ask for (the policy says which are required), in the order the form shows
 * them. A record over the API's own type, so a kind the API adds or drops fails the type check here.
 */
const DOCUMENT_KINDS: Record<DocumentKind, true> = {
  'application-letter': true,
  cv: true,
  'home-ppk-recommendation': true,
  'inspectorate-statement': true,
  'integrity-pact': true,
  'asset-declaration': true,
  photo: true,
  'health-certificate': true,
  'mental-health-certificate': true,
  'drug-free-certificate': true,
  'tax-return': true,
  'leadership-training-certificate': true,
};
export const DOCUMENTS = Object.keys(DOCUMENT_KINDS) as DocumentKind[];
export const RANKS: Profile['rank'][] = [
  'III/a',
  'III/b',
  'III/c',
  'III/d',
  'IV/a',
  'IV/b',
  'IV/c',
  'IV/d',
  'IV/e',
];
export const EDUCATIONS: Profile['education'][] = ['SMA', 'D-III', 'D-IV', 'S1', 'S2', 'S3'];
export const PRIOR_POSTS: Profile['priorPost']['kind'][] = [
  'administrator',
  'functional-ahli-madya',
  'jpt-pratama',
  'other',
];
/** The requirements a Presidential approval may waive (R14 over R8-R13). */
export const WAIVABLE = ['R8', 'R9', 'R10', 'R11', 'R12', 'R13'] as const;

export interface ApplicantDraft {
  nip: string;
  name: string;
  homeAgency: string;
  rank: Profile['rank'];
  education: Profile['education'];
  relatedExperienceYears: number;
  priorKind: Profile['priorPost']['kind'];
  priorTitle: string;
  priorYears: number;
  dateOfBirth: string | null;
  documents: DocumentKind[];
  invited: boolean;
  exception: { ruleIds: (typeof WAIVABLE)[number][]; letterNumber: string } | null;
}

export const emptyApplicant = (): ApplicantDraft => ({
  nip: '',
  name: '',
  homeAgency: '',
  rank: 'IV/a',
  education: 'S1',
  relatedExperienceYears: 0,
  priorKind: 'administrator',
  priorTitle: '',
  priorYears: 0,
  dateOfBirth: null,
  documents: [],
  invited: false,
  exception: null,
});

/** A qualifying applicant with a fresh 18-digit NIP (born 1978-03-14), for trying the form. */
export function exampleApplicant(): ApplicantDraft {
  const serial = String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
  return {
    ...emptyApplicant(),
    nip: `197803142005${serial}`,
    name: 'Dr. Rina Kartika, S.K.M., M.Kes.',
    homeAgency: 'Pemerintah Kabupaten Contoh',
    rank: 'IV/b',
    education: 'S2',
    relatedExperienceYears: 12,
    priorKind: 'administrator',
    priorTitle: 'Sekretaris Dinas Kesehatan',
    priorYears: 4,
    dateOfBirth: '1978-03-14',
    documents: [...DOCUMENTS],
  };
}

/** The RegisterApplicant body, or null while a required field is empty. The applicant id is `<post>-<NIP>`. */
export function registerBody(
  postId: string | null,
  d: ApplicantDraft,
): DecisionBody<'RegisterApplicant'> | null {
  const nip = d.nip.trim();
  if (!postId || !nip || !d.name.trim() || !d.homeAgency.trim() || !d.priorTitle.trim() || !d.dateOfBirth)
    return null;
  const exception =
    d.exception && d.exception.ruleIds.length > 0 && d.exception.letterNumber.trim()
      ? { ruleIds: d.exception.ruleIds, letterNumber: d.exception.letterNumber.trim() }
      : undefined;
  return {
    postId,
    applicantId: `${postId}-${nip}`.slice(0, 64),
    applicant: {
      nip,
      name: d.name.trim(),
      homeAgency: d.homeAgency.trim(),
      rank: d.rank,
      education: d.education,
      relatedExperienceYears: d.relatedExperienceYears,
      priorPost: { kind: d.priorKind, title: d.priorTitle.trim(), years: d.priorYears },
      dateOfBirth: d.dateOfBirth,
      documents: d.documents,
      ...(exception ? { presidentialException: exception } : {}),
    },
    ...(d.invited ? { invited: true } : {}),
  };
}
