import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { renderConsole } from '../../../test-support/render';
import { stubApi, type Answers } from '../round/stub-api.test-helper';
import type { PostView } from '../round/types';
import { ImportReport } from './applicants/import-report';
import { AnnounceRoundForm } from './forms/round-forms';
import { ManageRound } from './manage-round';
import { PlanRound } from './plan-round';
import type { PlanCheck, PlanCheckRequest } from './plan/use-plan-check';
import type { PlanRoundRequest } from './types';

let mockSession: unknown;
jest.mock('../../session-context', () => ({ useSession: () => mockSession }));

const ROUND = 'round-kabcontoh-2026-01';
const post = (postId: string, title: string, status: string): PostView => ({
  postId,
  title,
  kind: 'regular',
  status,
  run: 1,
  registrationDeadline: '2026-12-12',
  extensions: 0,
  applicants: 2,
  appointeeId: null,
  statusReason: null,
  updatedAt: '2026-11-23T02:00:00Z',
});
const round = (status: string, posts: PostView[]) => ({
  [`/rounds/${ROUND}`]: {
    id: ROUND,
    agency: 'kabcontoh',
    name: 'Seleksi JPT 2026',
    agencyName: 'Kabupaten Contoh',
    status,
    posts,
  },
});

/** The policies GET /policies lists (only what the plan page reads of them). */
const POLICIES = {
  today: '2026-11-23',
  current: 'bkn-2025',
  policies: [
    {
      id: 'bkn-2025',
      title: { id: 'Kebijakan BKN 2025', en: 'BKN 2025 policy' },
      validFrom: '2025-01-01',
      validTo: null,
      variantOf: null,
      inForce: true,
      gates: { planRecommendation: { value: 'BKN', source: 'UU 20/2023', evidence: 'P' } },
      numbers: {
        panselMaxInternalShare: { value: 0.45, source: 'PermenPANRB 15/2019', evidence: 'P' },
        minApplicantsPerPost: { value: 4, source: 'PermenPANRB 15/2019', evidence: 'P' },
        announcementLeadDays: { value: 15, source: 'PermenPANRB 15/2019', evidence: 'P' },
        announcementLeadCounting: { value: 'calendar', source: 'PP 11/2017 Pasal 117(2)', evidence: 'P' },
        announcementLeadConvention: {
          value: 'announcement-day-counts',
          source: 'PP 11/2017 Pasal 117(2); South Sulawesi 2023',
          evidence: 'S',
        },
        maxAgeYears: { value: 56, source: 'PP 11/2017 Pasal 107', evidence: 'P' },
        maxAgeReading: { value: 'not-yet-next-year', source: 'PP 11/2017 Pasal 107', evidence: 'S' },
      },
    },
  ],
};

/** The oversight bodies GET /oversight-bodies lists: data, so a third body may be there (ADR 27). */
const BODIES = {
  today: '2026-11-23',
  holder: 'BKN',
  bodies: [
    ['KASN', 'Komisi Aparatur Sipil Negara'],
    ['BKN', 'Badan Kepegawaian Negara'],
    ['LIPSM', 'Lembaga independen pengawas sistem merit'],
  ].map(([id, name]) => ({ id, name: { id: name, en: name }, level: 'national', legalSource: 'x' })),
  succession: [],
};

/**
 * The API's findings on a plan, as POST /rounds/plan-check answers them (the domain's validators
 * run in the API; test/api/plan-check.spec.ts and the browser test use the real ones): here only
 * R2's share and the stage weights, enough to see the editor show what the API finds.
 */
function findingsOn(request: PlanCheckRequest): PlanCheck {
  const members = request.plan.pansel.members;
  // The stub's stand-in for R2's reading of employers (the real one: test/api/plan-check.spec.ts).
  const insiders = members.filter((m) => m.employer.endsWith('Kabupaten Contoh'));
  const internal = insiders.length;
  const total = request.plan.stages.reduce((sum, stage) => sum + stage.weight, 0);
  const findings: PlanCheck['findings'] = [];
  if (internal / members.length > 0.45)
    findings.push({
      code: 'PANSEL.INTERNAL_SHARE_EXCEEDED',
      ruleId: 'R2',
      reason: {
        id: `Anggota internal ${internal} dari ${members.length} melebihi batas 45% (R2)`,
        en: `${internal} of ${members.length} members are internal, above the 45% cap (R2)`,
      },
      details: {},
    });
  if (total !== 100)
    findings.push({
      code: 'PLAN.STAGE_CATALOGUE_INVALID',
      reason: { id: `Jumlah bobot tahap ${total}, bukan 100`, en: `Stage weights sum to ${total}, not 100` },
      details: { total },
    });
  return {
    policyId: 'bkn-2025',
    ok: findings.length === 0,
    internalMembers: insiders.map((m) => m.memberId),
    findings,
  };
}

/** A signed-in operator whose API answers `answers`, judges plans, and records what POST /rounds was sent. */
function signIn(answers: Answers): { planned: PlanRoundRequest[]; checked: PlanCheckRequest[] } {
  const centres = {
    centres: [
      {
        id: 'bkn-puspenkom',
        name: 'Pusat Penilaian Kompetensi ASN, Badan Kepegawaian Negara',
        accreditedBy: 'BKN',
        validFrom: '2019-01-01',
        validUntil: null,
        source: 'Peraturan BKN 26/2019',
      },
    ],
  };
  const stub = stubApi(
    { '/policies': POLICIES, '/oversight-bodies': BODIES, '/assessment-centres': centres, ...answers },
    'operator',
  ) as {
    session: { api: Record<string, unknown> };
  };
  const planned: PlanRoundRequest[] = [];
  const checked: PlanCheckRequest[] = [];
  stub.session.api['POST'] = async (path: string, options: { body: PlanRoundRequest }) => {
    if (path === '/rounds/plan-check') {
      checked.push(options.body);
      return { data: findingsOn(options.body), response: { ok: true, status: 200 } };
    }
    planned.push(options.body);
    return { data: { roundId: ROUND, version: 1, events: [] }, response: { ok: true, status: 201 } };
  };
  mockSession = stub.session;
  return { planned, checked };
}

const findings = (section: string) =>
  [...document.querySelectorAll(`[data-findings="${section}"] [data-finding]`)].map((f) =>
    f.getAttribute('data-finding'),
  );

describe('planning a round', () => {
  it("shows the pansel share and the stage weights, with the API's findings live, then plans and goes to the round", async () => {
    const { planned, checked } = signIn(
      round('planned', [post('dinkes', 'Kepala Dinas Kesehatan', 'planned')]),
    );
    await renderConsole(
      <Routes>
        <Route path="/console/rounds/new" element={<PlanRound />} />
        <Route path="/console/rounds/:roundId" element={<p>round view</p>} />
      </Routes>,
      { path: '/console/rounds/new' },
    );
    await screen.findByText(/Kebijakan bkn-2025: rekomendasi rencana oleh BKN/);
    fireEvent.click(screen.getByTestId('fill-example'));
    await waitFor(() =>
      expect(screen.getByTestId('pansel-share').textContent).toBe(
        '5 anggota: 2 internal (40%), 3 eksternal (60%)',
      ),
    );
    expect(screen.getByTestId('weight-total').textContent).toBe('100%');
    await waitFor(() => expect([findings('pansel'), findings('stages')]).toEqual([['none'], ['none']]));
    // A pansel member's body is one the API lists, today's holder first, not a list of the console's own.
    const bodyOptions = () =>
      [...(screen.getByLabelText('Instansi pengawas anggota 1') as HTMLSelectElement).options].map(
        (o) => o.value,
      );
    await waitFor(() => expect(bodyOptions()).toEqual(['', 'BKN', 'KASN', 'LIPSM']));

    fireEvent.change(screen.getByLabelText('Instansi tempat bekerja anggota 3'), {
      target: { value: 'Inspektorat Kabupaten Contoh' },
    });
    await waitFor(() =>
      expect(screen.getByTestId('pansel-share').textContent).toBe(
        '5 anggota: 3 internal (60%), 2 eksternal (40%)',
      ),
    );
    await waitFor(() => expect(findings('pansel')).toEqual(['PANSEL.INTERNAL_SHARE_EXCEEDED']));
    const share = document.querySelector('[data-finding="PANSEL.INTERNAL_SHARE_EXCEEDED"]');
    expect(share?.textContent).toContain('R2');
    expect(share?.textContent).toContain('Anggota internal 3 dari 5 melebihi batas 45%');

    fireEvent.change(screen.getByLabelText('Bobot tahap 3 (%)'), { target: { value: '25' } });
    await waitFor(() => expect(screen.getByTestId('weight-total').textContent).toBe('105%'));
    await waitFor(() => expect(findings('stages')).toEqual(['PLAN.STAGE_CATALOGUE_INVALID']));
    expect(findings('pansel')).toEqual(['PANSEL.INTERNAL_SHARE_EXCEEDED']);
    // The dry run is asked without the round id (the rules judge the plan, not its name).
    expect(checked.every((request) => !('roundId' in request))).toBe(true);

    fireEvent.click(screen.getByTestId('plan-submit'));
    // The whole plan form re-renders on each change; jsdom takes its time.
    await screen.findByText('round view', undefined, { timeout: 15_000 });
    expect(
      planned[0]?.plan.pansel.members.filter((m) => m.employer.endsWith('Kabupaten Contoh')),
    ).toHaveLength(3);
    expect(planned[0]?.plan.pansel.members[0]?.memberId).toBe('pansel1.kabcontoh');
    expect(planned[0]?.policyId).toBeUndefined();
    expect(planned[0]?.plan.assessmentProvider.centreId).toBe('bkn-puspenkom');
  });
});

describe('stage content per post', () => {
  it("[R12] sends a post's own paper topic for the paper stage, and the round's topic on the stage", async () => {
    const { planned } = signIn(round('planned', [post('dinkes', 'Kepala Dinas Kesehatan', 'planned')]));
    await renderConsole(
      <Routes>
        <Route path="/console/rounds/new" element={<PlanRound />} />
        <Route path="/console/rounds/:roundId" element={<p>round view</p>} />
      </Routes>,
      { path: '/console/rounds/new' },
    );
    await screen.findByText(/Kebijakan bkn-2025/);
    fireEvent.click(screen.getByTestId('fill-example'));
    const [first] = await screen.findAllByLabelText('Kisi-kisi makalah jabatan ini');
    fireEvent.change(first as HTMLElement, { target: { value: 'Penurunan angka stunting' } });
    fireEvent.click(screen.getByTestId('plan-submit'));
    await screen.findByText('round view', undefined, { timeout: 15_000 });
    const body = planned[0]?.plan;
    expect(body?.posts[0]?.stageTopics).toEqual([{ stageId: 'makalah', topic: 'Penurunan angka stunting' }]);
    expect(body?.posts[1]?.stageTopics).toBeUndefined();
    expect(body?.stages.find((s) => s.kind === 'paper')?.topic).toBe('Inovasi pelayanan publik di daerah');
  });
});

describe('announcing a round', () => {
  it("[R6] asks for the media and each stage's dates, showing its method, and sends them", async () => {
    const stages = [
      { stageId: 'admin', name: 'Seleksi administrasi', method: 'Pemeriksaan berkas' },
      { stageId: 'makalah', name: 'Penulisan makalah', method: 'Makalah 180 menit' },
    ];
    signIn({
      [`/rounds/${ROUND}/audit/state`]: { state: { stages } },
      [`/rounds/${ROUND}/decisions/AnnounceRound/check`]: { allowed: true, events: ['RoundAnnounced'] },
    });
    await renderConsole(<AnnounceRoundForm roundId={ROUND} postId={null} onDone={() => undefined} />);
    await screen.findByText('Penulisan makalah (Makalah 180 menit)');
    fireEvent.change(screen.getByLabelText(/^Kontak sekretariat pansel/), {
      target: { value: 'bkpsdm@kabcontoh.go.id' },
    });
    fireEvent.change(screen.getByLabelText(/^Media pengumuman/), {
      target: { value: 'https://bkpsdm.kabcontoh.go.id\n\nSSCASN ' },
    });
    const dates: Array<[string, string]> = [
      ['Seleksi administrasi: mulai', '2026-12-21'],
      ['Seleksi administrasi: sampai', '2026-12-22'],
      ['Penulisan makalah: mulai', '2027-01-05'],
    ];
    for (const [label, value] of dates)
      fireEvent.change(screen.getByLabelText(new RegExp(`^${label}`)), { target: { value } });
    // One stage still lacks its end: nothing to check or send yet.
    expect(screen.getByRole('button', { name: 'Umumkan seleksi' })).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText(/^Penulisan makalah: sampai/), {
      target: { value: '2027-01-05' },
    });
    await screen.findByTestId('decision-allowed', undefined, { timeout: 5_000 });
    const checked = (global.fetch as jest.Mock).mock.calls.find(([url]) => String(url).endsWith('/check'));
    expect(JSON.parse(String((checked?.[1] as RequestInit).body))).toEqual({
      reach: 'national',
      signedBy: 'pansel-chair',
      secretariatContact: 'bkpsdm@kabcontoh.go.id',
      media: ['https://bkpsdm.kabcontoh.go.id', 'SSCASN'],
      stageSchedule: [
        { stageId: 'admin', from: '2026-12-21', to: '2026-12-22' },
        { stageId: 'makalah', from: '2027-01-05', to: '2027-01-05' },
      ],
    });
  });
});

describe("the policy's conventions on the plan page", () => {
  it('[R4] [R11] names the counting convention of the window and the reading of the age limit, from the API', async () => {
    signIn(round('planned', [post('dinkes', 'Kepala Dinas Kesehatan', 'planned')]));
    await renderConsole(
      <Routes>
        <Route path="/console/rounds/new" element={<PlanRound />} />
      </Routes>,
      { path: '/console/rounds/new' },
    );
    const summary = await screen.findByTestId('policy-summary');
    expect(summary.textContent).toContain(
      'pengumuman sekurang-kurangnya 15 hari kalender sebelum batas pendaftaran, hari pengumuman dihitung (R4)',
    );
    expect(summary.textContent).toContain(
      'usia paling tinggi 56 tahun pada tanggal acuan, dibaca belum berusia 57 tahun (R11)',
    );
  });
});

describe('managing a round', () => {
  it('offers the plan for the recommendation while the round is planned', async () => {
    signIn(round('planned', [post('dinkes', 'Kepala Dinas Kesehatan', 'planned')]));
    await renderConsole(
      <Routes>
        <Route path="/console/rounds/:roundId/manage" element={<ManageRound />} />
      </Routes>,
      { path: `/console/rounds/${ROUND}/manage` },
    );
    await waitFor(() =>
      expect(document.querySelector('[data-page="manage-round"]')?.getAttribute('aria-busy')).toBe('false'),
    );
    expect(screen.getByTestId('round-status').getAttribute('data-status')).toBe('planned');
    const steps = [...document.querySelectorAll('[aria-labelledby="round-steps"] [data-step]')].map((s) =>
      s.getAttribute('data-step'),
    );
    expect(steps).toEqual(['SubmitPlanForRecommendation', 'RevisePlan', 'RecordMendagriApproval']);
    expect(screen.queryByText('Jabatan', { selector: 'h2' })).toBeNull();
  });

  it('shows an announced round post by post, with the steps of the post chosen', async () => {
    signIn(
      round('announced', [
        post('dinkes', 'Kepala Dinas Kesehatan', 'selection'),
        post('disdik', 'Kepala Dinas Pendidikan', 'registration'),
      ]),
    );
    await renderConsole(
      <Routes>
        <Route path="/console/rounds/:roundId/manage" element={<ManageRound />} />
      </Routes>,
      { path: `/console/rounds/${ROUND}/manage` },
    );
    await screen.findByText('Langkah untuk Kepala Dinas Pendidikan');
    const desk = document.querySelector('[data-post-desk="disdik"]') as HTMLElement;
    expect([...desk.querySelectorAll('[data-step]')].map((s) => s.getAttribute('data-step'))).toEqual([
      'RegisterApplicant',
      'CloseRegistration',
      'ExtendRegistration',
      'WithdrawApplicant',
      'CancelPost',
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Kelola Kepala Dinas Kesehatan' }));
    const selection = await screen.findByText('Langkah untuk Kepala Dinas Kesehatan');
    expect(
      within(selection.parentElement as HTMLElement).getByText(/Pansel menjalankan tahapan/),
    ).toBeTruthy();
  });
});

describe('the import report', () => {
  it("says row by row what was registered and why a row was refused, in the reader's language", async () => {
    const report = {
      roundId: ROUND,
      format: 'csv' as const,
      sha256: 'x',
      accepted: 1,
      rejected: 1,
      ignoredColumns: ['catatan'],
      version: 7,
      rows: [
        { row: 2, status: 'accepted' as const, applicantId: 'dinkes-001', nip: '197505052000032001' },
        {
          row: 3,
          status: 'rejected' as const,
          applicantId: 'dinkes-002',
          nip: '197803122002121003',
          code: 'APPLICANT.TOO_MANY_POSTS',
          ruleId: 'R11',
          reason: {
            id: 'NIP sudah melamar 1 jabatan; batas 1',
            en: 'NIP already applied for 1 post(s); the limit is 1',
          },
        },
      ],
    };
    await renderConsole(<ImportReport report={report} />, { language: 'en' });
    expect(screen.getByTestId('import-counts').textContent).toBe('1 row accepted1 row rejected');
    const refused = document.querySelector('[data-row="3"]') as HTMLElement;
    expect(refused.getAttribute('data-status')).toBe('rejected');
    expect(within(refused).getByText('NIP already applied for 1 post(s); the limit is 1')).toBeTruthy();
    expect(refused.textContent).toContain('R11');
    expect(refused.textContent).toContain('APPLICANT.TOO_MANY_POSTS');
    expect(screen.getByText('Columns ignored: catatan')).toBeTruthy();
  });
});
