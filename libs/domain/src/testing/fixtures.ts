import type { RoundCommand } from '../round/commands';
import type {
  PanselMember,
  PostKind,
  PostPlan,
  RoundPlan,
  StageDefinition,
  StageSlot,
} from '../round/plan-types';
import type { ApplicantProfile } from '../rules/applicant';
import type { CommandMetadata, Role } from '../shared/metadata';
import { addCalendarDays } from '../shared/time';

/** Command metadata at a given local date (09:00 WIB) for a role. */
export function meta(
  date: string,
  role: Role = 'operator',
  extra: Partial<CommandMetadata> = {},
): CommandMetadata {
  return {
    now: `${date}T09:00:00+07:00`,
    actor: { id: `${role}-1`, role },
    correlationId: 'corr-1',
    ...extra,
  };
}

/** A round command of the given type, with metadata for that day and role. */
export function command<T extends RoundCommand['type']>(
  type: T,
  data: Extract<RoundCommand, { type: T }>['data'],
  date: string,
  role: Role = 'operator',
): Extract<RoundCommand, { type: T }> {
  return { type, data, metadata: meta(date, role) } as Extract<RoundCommand, { type: T }>;
}

/** The usual catalogue: admin, assessment, paper, presentation, interview, health; weights sum to 100. */
export const STANDARD_STAGES: readonly StageDefinition[] = [
  {
    stageId: 'admin',
    name: 'Seleksi administrasi dan rekam jejak',
    kind: 'administrative',
    method: 'document check',
    weight: 0,
    maxScore: 1,
    scoring: 'elimination',
    passMark: 1,
  },
  {
    stageId: 'assessment',
    name: 'Asesmen kompetensi',
    kind: 'competency',
    method: 'assessment centre',
    weight: 40,
    maxScore: 100,
    scoring: 'elimination',
    passMark: 60,
  },
  {
    stageId: 'paper',
    name: 'Penulisan makalah',
    kind: 'paper',
    method: 'written paper, 180 min',
    weight: 20,
    maxScore: 100,
    scoring: 'cumulative',
  },
  {
    stageId: 'presentation',
    name: 'Paparan',
    kind: 'presentation',
    method: 'presentation',
    weight: 10,
    maxScore: 100,
    scoring: 'cumulative',
  },
  {
    stageId: 'interview',
    name: 'Wawancara akhir',
    kind: 'interview',
    method: 'pansel interview',
    weight: 30,
    maxScore: 100,
    scoring: 'elimination',
    passMark: 60,
  },
  {
    stageId: 'health',
    name: 'Tes kesehatan dan kejiwaan',
    kind: 'health',
    method: 'hospital',
    weight: 0,
    maxScore: 1,
    scoring: 'elimination',
    passMark: 1,
  },
];

export function aPost(postId: string, kind: PostKind = 'regular', extra: Partial<PostPlan> = {}): PostPlan {
  return {
    postId,
    title: `Kepala ${postId}`,
    kind,
    competencyStandard: {
      technical: ['perencanaan'],
      managerial: ['kepemimpinan'],
      socioCultural: ['perekat bangsa'],
    },
    requirements: { notes: ['S1/D-IV', 'IV/a'] },
    ...extra,
  };
}

/** A pansel of `size` members of whom `internal` work for the agency of `aPlan` (R2 counts them from their employer). */
export function aPansel(size = 5, internal = 2, extra: Partial<PanselMember> = {}): PanselMember[] {
  return Array.from({ length: size }, (_, i) => ({
    memberId: `m${i + 1}`,
    name: `Anggota ${i + 1}`,
    employer: i < internal ? 'Inspektorat Kabupaten Contoh' : 'Universitas Contoh',
    background: i < internal ? 'jpt-same-government' : 'academic',
    conflictsOfInterest: [],
    ...(i === 0 ? extra : {}),
  }));
}

export function aPlan(
  posts: readonly PostPlan[] = [aPost('dinkes')],
  extra: Partial<RoundPlan> = {},
): RoundPlan {
  return {
    name: 'Seleksi terbuka JPT Pratama',
    agency: { name: 'Pemerintah Kabupaten Contoh', level: 'regency' },
    posts,
    pansel: { decreeNumber: '800/123/2024', members: aPansel() },
    stages: STANDARD_STAGES,
    schedule: {
      announcementOn: '2024-09-09',
      registrationDeadline: '2024-09-24',
      referenceDate: '2024-09-24',
    },
    assessmentProvider: { name: 'Pusat Penilaian Kompetensi ASN BKN', centreId: 'bkn-puspenkom' },
    ...extra,
  };
}

/** R6: each stage of a plan, two days apiece, from a week after the registration deadline. */
export function aStageSchedule(plan: RoundPlan): StageSlot[] {
  const start = plan.schedule.registrationDeadline;
  return plan.stages.map((stage, i) => ({
    stageId: stage.stageId,
    from: addCalendarDays(start, 7 + 3 * i),
    to: addCalendarDays(start, 8 + 3 * i),
  }));
}

/** R6: where an announcement is published. */
export const ANNOUNCEMENT_MEDIA: readonly string[] = [
  'https://bkpsdm.kabcontoh.go.id/seleksi-jpt',
  'Harian Contoh Pos',
];

/** The body of an AnnounceRound a region would send (R5, R6). */
export function anAnnouncement(plan: RoundPlan) {
  return {
    reach: 'national' as const,
    signedBy: 'pansel-chair' as const,
    secretariatContact: 'bkpsdm@example.go.id',
    stageSchedule: aStageSchedule(plan),
    media: [...ANNOUNCEMENT_MEDIA],
  };
}

export const ALL_DOCUMENTS: ApplicantProfile['documents'] = [
  'application-letter',
  'cv',
  'home-ppk-recommendation',
  'inspectorate-statement',
  'integrity-pact',
  'asset-declaration',
  'photo',
  'health-certificate',
  'mental-health-certificate',
  'drug-free-certificate',
  'tax-return',
  'leadership-training-certificate',
];

/** An applicant who meets every requirement on a 2024 reference date. */
export function anApplicant(nip: string, extra: Partial<ApplicantProfile> = {}): ApplicantProfile {
  return {
    nip,
    name: `Pelamar ${nip}`,
    homeAgency: 'Pemerintah Kabupaten Contoh',
    rank: 'IV/a',
    education: 'S2',
    relatedExperienceYears: 10,
    priorPost: { kind: 'administrator', title: 'Kepala Bidang', years: 4 },
    dateOfBirth: '1975-05-05',
    documents: ALL_DOCUMENTS,
    ...extra,
  };
}

/** An 18-digit NIP made from a sequence number (< 100,000,000). */
export function nipOf(n: number): string {
  return `1975050520${String(n).padStart(8, '0')}`;
}
