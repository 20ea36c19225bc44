import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { renderConsole } from '../../../test-support/render';
import { stubApi, type Answers } from '../round/stub-api.test-helper';
import { DecisionPage } from './decision-page';
import type { ApplicantView, PostView } from './types';

let mockSession: unknown;
jest.mock('../../session-context', () => ({ useSession: () => mockSession }));

const ROUND = 'round-kabcontoh-2024-01';
const sekwan: PostView = {
  postId: 'sekwan',
  title: 'Sekretaris DPRD',
  kind: 'sekwan',
  status: 'shortlisted',
  run: 1,
  registrationDeadline: '2024-07-20',
  extensions: 0,
  applicants: 5,
  appointeeId: null,
  statusReason: null,
  updatedAt: '2024-09-02T02:00:00Z',
};
const finalist = (i: number, name: string): ApplicantView => ({
  applicantId: `s${i}`,
  name,
  nip: `19700101199001000${i}`,
  invited: false,
  registeredAt: '2024-07-10T02:00:00Z',
  verdict: 'eligible',
  withdrawn: false,
  eliminatedAt: null,
  scores: { asesmen: 90 - i * 5, wawancara: 85.5 - i },
  total: 88.25 - i * 4,
  rank: i,
});
const waiting = {
  roundId: ROUND,
  roundName: 'Seleksi JPT 2024',
  postId: 'sekwan',
  command: 'ChooseAppointee',
  role: 'ppk',
  since: '2024-09-02T02:00:00Z',
  waitedDays: 3,
  serviceLevelDays: 14,
  dueAt: null,
  overdue: false,
  reminders: 0,
  escalated: false,
};

function answers(): Answers {
  return {
    [`/rounds/${ROUND}`]: {
      id: ROUND,
      agency: 'kabcontoh',
      name: 'Seleksi JPT 2024',
      agencyName: 'Kabupaten Contoh',
      status: 'announced',
      posts: [sekwan],
    },
    [`/rounds/${ROUND}/posts/sekwan/applicants`]: {
      applicants: [
        finalist(1, 'Siti Rahmawati'),
        finalist(2, 'Budi Santoso'),
        finalist(3, 'Agus Prasetyo'),
        { ...finalist(4, 'Dewi Lestari'), eliminatedAt: 'wawancara' },
      ],
      publications: [
        { summary: 'StageResultsPublished: post sekwan, stage asesmen' },
        { summary: 'StageResultsPublished: post sekwan, stage wawancara' },
      ],
    },
    '/inbox': { now: '2024-09-05T02:00:00Z', items: [waiting] },
    '/rules': { rules: [] },
    [`/rounds/${ROUND}/decisions/ChooseAppointee/check`]: { allowed: true, events: ['AppointeeChosen'] },
    [`/rounds/${ROUND}/decisions/ChooseAppointee`]: {
      roundId: ROUND,
      version: 41,
      events: [{ type: 'AppointeeChosen', data: { postId: 'sekwan', applicantId: 's2' }, metadata: {} }],
    },
  };
}

async function open(path: string) {
  const stub = stubApi(answers(), 'ppk');
  mockSession = stub.session;
  await renderConsole(
    <Routes>
      <Route path="/console/rounds/:roundId/decide/:type?" element={<DecisionPage />} />
    </Routes>,
    { path },
  );
  await waitFor(() =>
    expect(document.querySelector('[data-page="decision"]')?.getAttribute('aria-busy')).toBe('false'),
  );
  return stub;
}

describe('DecisionPage', () => {
  it('shows what the PPK decides, since when, and the tiga besar with their ranks and scores', async () => {
    await open(`/console/rounds/${ROUND}/decide/ChooseAppointee?post=sekwan`);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Pilih pejabat');
    expect(screen.getByTestId('summary-post').textContent).toContain('Sekretaris DPRD');
    expect(screen.getByTestId('summary-since').textContent).toContain('3 hari / 14 hari');
    const rows = within(screen.getByTestId('ranking')).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.getAttribute('data-applicant'))).toEqual(['s1', 's2', 's3']);
    expect(rows[0]?.textContent).toContain('84,25');
    expect(document.querySelector('[data-rule-id="R25"]')?.textContent).toContain(
      'persetujuan pimpinan DPRD',
    );
  });

  it('records the choice after the dry run allows it, then offers the inbox and the round', async () => {
    const { calls } = await open(`/console/rounds/${ROUND}/decide/ChooseAppointee?post=sekwan`);
    fireEvent.click(screen.getByLabelText('Pilih Budi Santoso'));
    await waitFor(() => expect(screen.getByTestId('decision-allowed')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Pilih pejabat' }));
    const done = await screen.findByTestId('decision-done');
    expect(done.textContent).toContain('AppointeeChosen');
    expect(within(done).getByRole('link', { name: 'Kembali ke kotak masuk' }).getAttribute('href')).toBe(
      '/console/',
    );
    expect(within(done).getByRole('link', { name: 'Lihat seleksi' }).getAttribute('href')).toBe(
      `/console/rounds/${ROUND}`,
    );
    expect(calls).toContain(`/rounds/${ROUND}/decisions/ChooseAppointee`);
    // Read your writes (ADR 23): one read with the decision's version, then the page's reads again.
    const after = () => calls.slice(calls.indexOf(`/rounds/${ROUND}/decisions/ChooseAppointee`) + 1);
    await waitFor(() => expect(after()).toContain(`/rounds/${ROUND}/posts/sekwan/applicants`));
    const read = after().indexOf(`/rounds/${ROUND}?minVersion=41`);
    expect(read).toBeGreaterThanOrEqual(0);
    expect(read).toBeLessThan(after().indexOf(`/rounds/${ROUND}/posts/sekwan/applicants`));
    expect(after().filter((call) => call.includes('minVersion'))).toHaveLength(1);
  });

  it("[R25] records the DPRD leadership's refusal with its reason, sending the PPK back to the choice", async () => {
    const stub = stubApi(
      {
        ...answers(),
        [`/rounds/${ROUND}`]: {
          id: ROUND,
          agency: 'kabcontoh',
          name: 'Seleksi JPT 2024',
          agencyName: 'Kabupaten Contoh',
          status: 'announced',
          posts: [{ ...sekwan, status: 'chosen', appointeeId: 's2' }],
        },
        [`/rounds/${ROUND}/decisions/RecordDprdLeadershipDecision/check`]: {
          allowed: true,
          events: ['DprdLeadershipDecided', 'AppointeeReleased'],
        },
        [`/rounds/${ROUND}/decisions/RecordDprdLeadershipDecision`]: {
          roundId: ROUND,
          version: 42,
          events: [
            { type: 'AppointeeReleased', data: { postId: 'sekwan', applicantId: 's2' }, metadata: {} },
          ],
        },
      },
      'ppk',
    );
    mockSession = stub.session;
    const sent: unknown[] = [];
    const fetched = global.fetch;
    global.fetch = ((url: string, init?: RequestInit) => {
      if (init?.body && String(url).includes('/decisions/')) sent.push(JSON.parse(String(init.body)));
      return fetched(url, init);
    }) as typeof fetch;
    await renderConsole(
      <Routes>
        <Route path="/console/rounds/:roundId/decide/:type?" element={<DecisionPage />} />
      </Routes>,
      { path: `/console/rounds/${ROUND}/decide/RecordDprdLeadershipDecision?post=sekwan` },
    );
    await waitFor(() => expect(screen.getByTestId('appointee').textContent).toContain('Budi Santoso'));
    fireEvent.change(screen.getByLabelText(/Nomor surat/), { target: { value: '170/DPRD/1' } });
    fireEvent.click(screen.getByLabelText('Pimpinan DPRD menolak'));
    expect(screen.queryByTestId('decision-allowed')).toBeNull();
    fireEvent.change(screen.getByLabelText(/Alasan/), { target: { value: 'rapat pimpinan' } });
    await waitFor(() => expect(screen.getByTestId('decision-allowed')).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'Keputusan pimpinan DPRD' }));
    expect((await screen.findByTestId('decision-done')).textContent).toContain('AppointeeReleased');
    expect(sent.at(-1)).toEqual({
      postId: 'sekwan',
      letterNumber: '170/DPRD/1',
      decision: 'refused',
      reason: 'rapat pimpinan',
    });
    global.fetch = fetched;
  });

  it('says so plainly for a decision type it does not know', async () => {
    await open(`/console/rounds/${ROUND}/decide/ChooseEverything`);
    expect(screen.getByTestId('decision-unknown').textContent).toContain(
      '“ChooseEverything” bukan keputusan dalam seleksi terbuka',
    );
  });
});
