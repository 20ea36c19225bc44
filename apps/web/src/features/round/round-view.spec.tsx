import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { renderConsole } from '../../../test-support/render';
import type { Role } from '../../session';
import { RoundView } from './round-view';
import { stubApi, type Answers } from './stub-api.test-helper';
import type { ApplicantView, PostView, TimelineEntry } from './types';

let mockSession: unknown;
jest.mock('../../session-context', () => ({ useSession: () => mockSession }));

const ROUND = 'round-kabcontoh-2024-01';
const post = (postId: string, title: string, applicants: number): PostView => ({
  postId,
  title,
  kind: 'regular',
  status: 'selection',
  run: 1,
  registrationDeadline: '2024-08-14',
  extensions: 0,
  applicants,
  appointeeId: null,
  statusReason: null,
  updatedAt: '2024-08-20T02:00:00Z',
});
const applicant = (i: number): ApplicantView => ({
  applicantId: `a${i}`,
  name: `Pelamar ${i}`,
  nip: `19700101199001${String(i).padStart(4, '0')}`,
  invited: false,
  registeredAt: '2024-08-01T03:00:00Z',
  verdict: 'eligible',
  withdrawn: false,
  eliminatedAt: null,
  scores: { asesmen: 80 },
  total: 80 - i / 100,
  rank: i,
});
const event = (version: number, type: string, summary: string, role = 'pansel'): TimelineEntry => ({
  version,
  eventId: `e${version}`,
  type,
  at: '2024-08-20T02:30:00Z',
  postId: 'dinkes',
  actor: { id: 'pansel.ketua', role },
  summary,
});

function answers(): Answers {
  return {
    [`/rounds/${ROUND}`]: {
      id: ROUND,
      agency: 'kabcontoh',
      name: 'Seleksi JPT 2024',
      agencyName: 'Kabupaten Contoh',
      status: 'announced',
      zone: 'WITA',
      posts: [post('dinkes', 'Kepala Dinas Kesehatan', 120), post('dishub', 'Kepala Dinas Perhubungan', 4)],
    },
    '/inbox': { now: '2024-08-21T00:00:00Z', items: [] },
    [`/rounds/${ROUND}/posts/dinkes/applicants`]: {
      roundId: ROUND,
      postId: 'dinkes',
      applicants: Array.from({ length: 120 }, (_, i) => applicant(i + 1)),
      publications: [],
    },
    [`/rounds/${ROUND}/timeline`]: (q: URLSearchParams) => {
      const from = Number(q.get('fromVersion'));
      return {
        roundId: ROUND,
        events:
          from === 1
            ? [
                event(
                  1,
                  'PostCancelled',
                  'PostCancelled: post dinkes, reason: digabung dengan dinas lain',
                  'operator',
                ),
                ...Array.from({ length: 100 }, (_, i) =>
                  event(i + 2, 'ApplicantRegistered', 'ApplicantRegistered: post dinkes'),
                ),
              ]
            : [event(from, 'RoundClosed', 'RoundClosed')],
      };
    },
  };
}

async function open(role: Role, path = `/console/rounds/${ROUND}`, agency?: string) {
  const stub = stubApi(answers(), role);
  if (agency) (stub.session as { session: { user: { agency: string } } }).session.user.agency = agency;
  mockSession = stub.session;
  await renderConsole(
    <Routes>
      <Route path="/console/rounds/:roundId" element={<RoundView />} />
    </Routes>,
    { path },
  );
  return stub;
}

const page = () => document.querySelector('[data-page="round-view"]');

describe('RoundView', () => {
  it('is ready with the round and its posts, and loads nothing else until asked', async () => {
    const { calls } = await open('operator');
    await waitFor(() => expect(page()?.getAttribute('aria-busy')).toBe('false'));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Seleksi JPT 2024');
    expect(within(screen.getByTestId('posts')).getByText('Kepala Dinas Kesehatan')).toBeTruthy();
    expect(screen.getAllByText('Tahap seleksi').length).toBe(2);
    // Deadlines end at 23:59:59 in the agency's zone, named (ADR 24).
    expect(within(screen.getByTestId('posts')).getAllByText('s.d. pukul 23.59.59 WITA').length).toBe(2);
    expect(calls.filter((c) => c.includes('/applicants') || c.includes('/timeline'))).toEqual([]);
  });

  it('gives operators the manage, register and audit links, and a pansel member none of them', async () => {
    await open('operator');
    await waitFor(() => expect(page()?.getAttribute('aria-busy')).toBe('false'));
    for (const name of ['Kelola seleksi', 'Pendaftaran pelamar', 'Audit'])
      expect(screen.getByRole('link', { name }).getAttribute('href')).toContain(ROUND);
    cleanup();
    await open('pansel');
    await waitFor(() => expect(page()?.getAttribute('aria-busy')).toBe('false'));
    expect(screen.queryByRole('link', { name: 'Kelola seleksi' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Audit' })).toBeNull();
  });

  it("shows a regency's round to its province's operator read-only: a note, the audit link, no operator's actions", async () => {
    await open('operator', `/console/rounds/${ROUND}`, 'provcontoh');
    await waitFor(() => expect(page()?.getAttribute('aria-busy')).toBe('false'));
    expect(screen.getByTestId('followed-by-province').textContent).toContain(
      'Anda dapat membaca dan mengaudit',
    );
    expect(screen.queryByRole('link', { name: 'Kelola seleksi' })).toBeNull();
    expect(screen.queryByRole('link', { name: 'Pendaftaran pelamar' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Audit' }).getAttribute('href')).toContain(ROUND);
  });

  it("loads a post's applicants when its tab opens, fifty rows a page", async () => {
    const { calls } = await open('operator', `/console/rounds/${ROUND}?tab=applicants`);
    await waitFor(() => expect(screen.getByTestId('applicants')).toBeTruthy());
    expect(calls).toContain(`/rounds/${ROUND}/posts/dinkes/applicants`);
    expect(within(screen.getByTestId('applicants')).getAllByRole('row')).toHaveLength(51);
    expect(screen.getByText('Baris 1–50 dari 120')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Halaman 3' }));
    expect(screen.getByText('Baris 101–120 dari 120')).toBeTruthy();
    expect(screen.getByText('Pelamar 120')).toBeTruthy();
  });

  it('shows the timeline by page with actor, role and reason in Bahasa Indonesia', async () => {
    const { calls } = await open('auditor', `/console/rounds/${ROUND}?tab=timeline`);
    const table = await screen.findByTestId('timeline');
    expect(calls).toContain(`/rounds/${ROUND}/timeline?fromVersion=1&limit=101`);
    const first = table.querySelector('[data-version="1"]') as HTMLElement;
    expect(first.textContent).toContain('Jabatan dibatalkan');
    expect(first.textContent).toContain('Operator BKD/BKPSDM');
    expect(first.textContent).toContain('digabung dengan dinas lain');
    expect(within(table).getAllByRole('row')).toHaveLength(101);
    fireEvent.click(screen.getByRole('button', { name: 'Berikutnya' }));
    await waitFor(() => expect(calls).toContain(`/rounds/${ROUND}/timeline?fromVersion=101&limit=101`));
    expect(await screen.findByText('Seleksi selesai')).toBeTruthy();
  });
});
