import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { renderConsole } from '../../../test-support/render';
import { stubApi } from '../round/stub-api.test-helper';
import { AuditView } from './audit-view';
import type { RoundPlan, RoundStateAt, RoundVerification } from './types';

let mockSession: unknown;
jest.mock('../../session-context', () => ({ useSession: () => mockSession }));

const ROUND = 'round-kabcontoh-2024-01';
const HEAD = 40;
const verification = (over: Partial<RoundVerification> = {}): RoundVerification => ({
  roundId: ROUND,
  verified: true,
  events: HEAD,
  headVersion: HEAD,
  headHash: 'ab'.repeat(32),
  firstBadVersion: null,
  problems: [],
  checkpoint: {
    sequence: 7,
    size: 900,
    logPosition: '900',
    signedAt: '2024-08-21T01:00:00Z',
    keyFingerprint: 'sha256:1234',
    coveredVersion: 38,
    cosignedBy: [],
  },
  store: { ok: true, latestSequence: 7, provenWith: 7, problems: [] },
  checkedAt: '2024-08-21T01:05:00Z',
  ...over,
});
const plan: RoundPlan = {
  name: 'Seleksi JPT 2024',
  agency: { name: 'Kabupaten Contoh', level: 'regency' },
  posts: [
    {
      postId: 'dinkes',
      title: 'Kepala Dinas Kesehatan',
      kind: 'regular',
      competencyStandard: { technical: [], managerial: [], socioCultural: [] },
      requirements: { notes: [] },
    },
  ],
  pansel: { decreeNumber: 'SK 800/12/2024', members: [] },
  stages: [],
  schedule: { announcementOn: '2024-07-01', registrationDeadline: '2024-07-20', referenceDate: '2024-07-01' },
  assessmentProvider: { name: 'UPT Penilaian Kompetensi', accredited: true },
};
function stateAt(at: number): RoundStateAt {
  return {
    roundId: ROUND,
    at,
    headVersion: HEAD,
    policy: { id: 'bkn-2024', title: { id: 'Kebijakan BKN 2024', en: 'BKN 2024 policy' } },
    event: {
      version: at,
      eventId: `e${at}`,
      type: at === 1 ? 'RoundPlanned' : 'ApplicantRegistered',
      at: '2024-08-20T02:30:00Z',
      postId: at === 1 ? null : 'dinkes',
      actor: { id: 'operator.kabcontoh', role: 'operator' },
      reason: null,
    },
    state: {
      viewVersion: 1,
      status: 'planned',
      version: at,
      roundId: ROUND,
      plan,
      policyId: 'bkn-2024',
      recommendation: null,
      rejection: null,
      cancellationReason: null,
      announcement: null,
      stages: plan.stages,
      mendagriApprovals: [],
      posts: [],
      waits: [],
    },
  };
}

async function open(over: Partial<RoundVerification> = {}, path = `/console/rounds/${ROUND}/audit`) {
  const stub = stubApi(
    {
      [`/rounds/${ROUND}`]: {
        id: ROUND,
        agency: 'kabcontoh',
        name: 'Seleksi JPT 2024',
        agencyName: null,
        status: 'planned',
        posts: [],
      },
      [`/rounds/${ROUND}/audit/verification`]: verification(over),
      [`/rounds/${ROUND}/audit/state`]: (q: URLSearchParams) => stateAt(Number(q.get('at') ?? HEAD)),
    },
    'auditor',
  );
  mockSession = stub.session;
  await renderConsole(
    <Routes>
      <Route path="/console/rounds/:roundId/audit" element={<AuditView />} />
    </Routes>,
    { path },
  );
  await waitFor(() =>
    expect(document.querySelector('[data-page="audit"]')?.getAttribute('aria-busy')).toBe('false'),
  );
  return stub;
}

describe('AuditView', () => {
  it('says the chain is verified and which events the checkpoint proves', async () => {
    await open();
    expect(screen.getByTestId('verification-status').textContent).toBe('Terverifikasi utuh');
    expect(screen.getByTestId('checkpoint').textContent).toContain('sampai peristiwa ke-38');
    expect(screen.getByTestId('checkpoint').textContent).toContain(
      'Peristiwa ke-39 sampai ke-40 baru diperiksa lewat rantai hash',
    );
  });

  it("says whether a witness cosigned the round's checkpoint, and which", async () => {
    await open();
    expect(screen.getByTestId('cosigned').textContent).toBe(
      'Belum ditandatangani bersama oleh saksi mana pun.',
    );
  });

  it('names the witness that cosigned the checkpoint', async () => {
    await open({
      checkpoint: {
        ...verification().checkpoint!,
        cosignedBy: [{ witnessKeyId: 'bkn-witness-1', cosignedAt: '2024-08-21T01:00:00Z' }],
      },
    });
    expect(screen.getByTestId('cosigned').textContent).toBe(
      'Ditandatangani bersama oleh saksi: bkn-witness-1.',
    );
  });

  it('names the first bad position and every problem', async () => {
    await open({
      verified: false,
      firstBadVersion: 12,
      problems: [
        {
          code: 'HASH_MISMATCH',
          version: 12,
          globalPosition: '345',
          checkpointSequence: null,
          detail: 'stored hash differs',
        },
      ],
      store: {
        ok: false,
        latestSequence: 8,
        provenWith: 7,
        problems: [
          {
            code: 'CHECKPOINT_SIGNATURE_INVALID',
            version: null,
            globalPosition: null,
            checkpointSequence: 8,
            detail: 'forged',
          },
        ],
      },
    });
    expect(screen.getByTestId('verification-status').textContent).toBe('Rantai rusak');
    expect(screen.getByRole('alert').textContent).toContain('peristiwa ke-12');
    const [problems, storeProblems] = screen.getAllByTestId('problems');
    expect(within(problems as HTMLElement).getByText('HASH_MISMATCH')).toBeTruthy();
    expect(within(problems as HTMLElement).getByText('345')).toBeTruthy();
    // The store's forged checkpoint is reported apart from the round's problems.
    expect(screen.getByTestId('store-status').textContent).toContain('checkpoint no. 7');
    expect(within(storeProblems as HTMLElement).getByText('CHECKPOINT_SIGNATURE_INVALID')).toBeTruthy();
  });

  it('shows the state after the head event, and after the one before it', async () => {
    const { calls } = await open();
    await waitFor(() =>
      expect(screen.getByTestId('event-at').textContent).toContain(
        'Peristiwa ke-40 dari 40: Pelamar terdaftar',
      ),
    );
    expect(screen.getByText(/SK 800\/12\/2024/)).toBeTruthy();
    expect(screen.getByRole('slider', { name: 'Posisi peristiwa' }).getAttribute('aria-valuenow')).toBe('40');
    expect((screen.getByRole('button', { name: 'Peristiwa berikutnya' }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Peristiwa sebelumnya' }));
    await waitFor(
      () => expect(screen.getByTestId('event-at').textContent).toContain('Peristiwa ke-39 dari 40'),
      { timeout: 3000 },
    );
    expect(calls).toContain(`/rounds/${ROUND}/audit/state?at=39`);
  });

  it('opens at the position a link names', async () => {
    await open({}, `/console/rounds/${ROUND}/audit?at=1`);
    await waitFor(() =>
      expect(screen.getByTestId('event-at').textContent).toContain(
        'Peristiwa ke-1 dari 40: Seleksi direncanakan',
      ),
    );
    expect(screen.getByTestId('event-at').textContent).toContain('Operator BKD/BKPSDM');
  });
});
