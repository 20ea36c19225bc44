import type { MemberBody, PlanBody, PostBody, StageBody } from '../types';

/** The ISO date `days` calendar days after `date` (display arithmetic for the example's dates). */
const addCalendarDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

// A realistic round of Kabupaten Contoh (PROCESS.md: a typical pansel mix, the usual stage
// catalogue, a 15+ day announcement), dated from today so it passes the rules when planned.

const skj = (technical: string[]): PostBody['competencyStandard'] => ({
  technical,
  managerial: [
    'Integritas',
    'Kerja sama',
    'Komunikasi',
    'Orientasi pada hasil',
    'Pelayanan publik',
    'Pengembangan diri dan orang lain',
    'Mengelola perubahan',
    'Pengambilan keputusan',
  ],
  socioCultural: ['Perekat bangsa'],
});

const requirements: PostBody['requirements'] = {
  minRank: 'IV/a',
  notes: [
    'Pendidikan paling rendah S1/D-IV',
    'Pengalaman jabatan di bidang terkait paling singkat 5 tahun',
    'Sedang atau pernah menduduki jabatan administrator paling singkat 2 tahun',
    'Usia paling tinggi 56 tahun pada batas pendaftaran',
    'Telah mengikuti Diklatpim III/PKA',
  ],
};

const POSTS: PostBody[] = [
  {
    postId: 'dinkes',
    title: 'Kepala Dinas Kesehatan',
    kind: 'regular',
    competencyStandard: skj([
      'Manajemen kesehatan masyarakat',
      'Perencanaan dan penganggaran kesehatan',
      'Pengelolaan fasilitas pelayanan kesehatan',
    ]),
    requirements,
  },
  {
    postId: 'disdik',
    title: 'Kepala Dinas Pendidikan',
    kind: 'regular',
    competencyStandard: skj([
      'Manajemen pendidikan dasar',
      'Pengelolaan tenaga pendidik',
      'Kurikulum dan mutu pendidikan',
    ]),
    requirements,
  },
  {
    postId: 'bappeda',
    title: 'Kepala Badan Perencanaan Pembangunan Daerah',
    kind: 'regular',
    competencyStandard: skj([
      'Perencanaan pembangunan daerah',
      'Penganggaran berbasis kinerja',
      'Analisis data dan statistik pembangunan',
    ]),
    requirements,
  },
];

/** Two members working for the agency (internal by R2), three from elsewhere (40% internal: within R2's 45%). Member ids are the seeded pansel users. */
const members = (agency: string): MemberBody[] => [
  {
    memberId: `pansel1.${agency}`,
    name: 'Drs. Bambang Sutrisno, M.Si. (Sekretaris Daerah)',
    employer: 'Sekretariat Daerah Kabupaten Contoh',
    background: 'jpt-same-government',
    conflictsOfInterest: [],
  },
  {
    memberId: `pansel2.${agency}`,
    name: 'Ir. Siti Rahmawati, M.T. (Asisten Pemerintahan)',
    employer: 'Sekretariat Daerah Kabupaten Contoh',
    background: 'jpt-same-government',
    conflictsOfInterest: [],
  },
  {
    memberId: `pansel3.${agency}`,
    name: 'Prof. Dr. Hendra Wijaya, M.P.A. (Universitas Negeri Contoh)',
    employer: 'Universitas Negeri Contoh',
    background: 'academic',
    conflictsOfInterest: [],
  },
  {
    memberId: `pansel4.${agency}`,
    name: 'Dr. Maria Lestari, M.Psi., Psikolog (praktisi SDM)',
    employer: 'Praktisi SDM (mandiri)',
    background: 'professional',
    conflictsOfInterest: [],
  },
  {
    memberId: `pansel5.${agency}`,
    name: 'Dr. H. Ahmad Fauzi, M.Si. (Kepala Dinas Provinsi Contoh)',
    employer: 'Dinas Kesehatan Provinsi Contoh',
    background: 'jpt-other-agency',
    conflictsOfInterest: [],
  },
];

const STAGES: StageBody[] = [
  {
    stageId: 'admin',
    name: 'Seleksi administrasi dan rekam jejak',
    kind: 'administrative',
    method: 'Pemeriksaan berkas dan penelusuran rekam jejak',
    weight: 0,
    maxScore: 1,
    scoring: 'elimination',
    passMark: 1,
  },
  {
    stageId: 'asesmen',
    name: 'Asesmen kompetensi manajerial dan sosial kultural',
    kind: 'competency',
    method: 'Assessment center terakreditasi (psikotes, in-basket, LGD, wawancara kompetensi)',
    weight: 40,
    maxScore: 100,
    scoring: 'elimination',
    passMark: 60,
  },
  {
    stageId: 'makalah',
    name: 'Penulisan makalah',
    kind: 'paper',
    method: 'Makalah 180 menit',
    topic: 'Inovasi pelayanan publik di daerah',
    weight: 20,
    maxScore: 100,
    scoring: 'cumulative',
  },
  {
    stageId: 'paparan',
    name: 'Paparan makalah',
    kind: 'presentation',
    method: 'Presentasi di hadapan pansel',
    weight: 10,
    maxScore: 100,
    scoring: 'cumulative',
  },
  {
    stageId: 'wawancara',
    name: 'Wawancara akhir',
    kind: 'interview',
    method: 'Wawancara oleh pansel',
    weight: 30,
    maxScore: 100,
    scoring: 'elimination',
    passMark: 60,
  },
  {
    stageId: 'kesehatan',
    name: 'Tes kesehatan dan kejiwaan',
    kind: 'health',
    method: 'RSUD Kabupaten Contoh',
    weight: 0,
    maxScore: 1,
    scoring: 'elimination',
    passMark: 1,
  },
];

/** The example plan for an agency (its code seats the seeded pansel users), announced from `today`. */
export function examplePlan(agency: string, today: string): PlanBody {
  const announcementOn = addCalendarDays(today, 1);
  const registrationDeadline = addCalendarDays(announcementOn, 17);
  const year = today.slice(0, 4);
  return {
    name: `Seleksi Terbuka JPT Pratama Kabupaten Contoh Tahun ${year}`,
    agency: { name: 'Pemerintah Kabupaten Contoh', level: 'regency' },
    posts: POSTS,
    pansel: { decreeNumber: `800.1.3/123/BKPSDM/${year}`, members: members(agency) },
    stages: STAGES,
    schedule: { announcementOn, registrationDeadline, referenceDate: registrationDeadline },
    assessmentProvider: {
      name: 'Pusat Penilaian Kompetensi ASN, Badan Kepegawaian Negara',
      centreId: 'bkn-puspenkom',
    },
  };
}

/** A fresh local round id for the example, e.g. `2026-k3f9` (a finished round's id is never reused). */
export function exampleRoundId(today: string): string {
  return `${today.slice(0, 4)}-${Math.random().toString(36).slice(2, 6)}`;
}
