import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { renderConsole } from '../../../test-support/render';
import { stubApi } from '../round/stub-api.test-helper';
import { PublicPage } from './public-page';
import type { PublicAgencyView } from './types';

const ROUND = 'round-kabcontoh-2024-01';
const ranking = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    rank: i + 1,
    name: `Peserta ${i + 1}`,
    total: 90 - i,
    proceeds: i < 6,
  }));
const RESULTS: PublicAgencyView = {
  agency: 'kabcontoh',
  rounds: [
    {
      roundId: ROUND,
      agencyName: 'Pemerintah Kabupaten Contoh',
      name: 'Seleksi JPT 2024',
      status: 'announced',
      posts: [
        {
          postId: 'dinkes',
          title: 'Kepala Dinas Kesehatan',
          status: 'selection',
          stages: [
            {
              stageId: 'administrasi',
              stageName: 'Seleksi administrasi',
              publishedAt: '2024-08-22T03:00:00Z',
              ranking: ranking(60),
            },
          ],
        },
        { postId: 'dishub', title: 'Kepala Dinas Perhubungan', status: 'registration', stages: [] },
      ],
    },
  ],
};

async function open(language: 'id' | 'en' = 'id') {
  const { calls } = stubApi({ '/public/agencies/kabcontoh/rounds': RESULTS });
  await renderConsole(
    <Routes>
      <Route path="/publik/:agency" element={<PublicPage />} />
    </Routes>,
    { path: '/publik/kabcontoh', language },
  );
  await waitFor(() =>
    expect(document.querySelector('[data-page="public"]')?.getAttribute('aria-busy')).toBe('false'),
  );
  return calls;
}

describe('PublicPage', () => {
  it('shows every published ranking without a token, with the legal basis', async () => {
    await open();
    expect(screen.getByTestId('legal-basis').textContent).toContain('PP 11/2017 Pasal 121 (aturan R21)');
    const table = screen.getByTestId('ranking');
    expect(
      within(table).getByText('Peringkat tahap Seleksi administrasi, jabatan Kepala Dinas Kesehatan'),
    ).toBeTruthy();
    expect(within(table).getAllByText('Lanjut')).toHaveLength(6);
    expect(screen.getByText('Belum ada hasil tahap yang diumumkan.')).toBeTruthy();
    expect((global.fetch as jest.Mock).mock.calls[0]).toEqual([
      '/public/agencies/kabcontoh/rounds',
      expect.objectContaining({ headers: expect.any(Headers) }),
    ]);
    expect(
      ((global.fetch as jest.Mock).mock.calls[0][1] as { headers: Headers }).headers.has('authorization'),
    ).toBe(false);
  });

  it('gives each round and ranking an anchor to link to', async () => {
    await open();
    expect(document.getElementById(ROUND)?.querySelector('h2')?.textContent).toBe('Seleksi JPT 2024');
    expect(document.getElementById(`${ROUND}--dinkes--administrasi`)).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'Tautan ke seleksi Seleksi JPT 2024' }).getAttribute('href'),
    ).toBe(`#${ROUND}`);
    expect(screen.getByRole('link', { name: /Hasil tahap Seleksi administrasi/ }).getAttribute('href')).toBe(
      `#${ROUND}--dinkes--administrasi`,
    );
  });

  it('prints every row: the page shows one page of a long ranking, print all of them', async () => {
    await open();
    expect(within(screen.getByTestId('ranking')).getAllByRole('row')).toHaveLength(51);
    window.print = jest.fn();
    fireEvent.click(screen.getByRole('button', { name: 'Cetak' }));
    expect(window.print).toHaveBeenCalled();
    expect(within(screen.getByTestId('ranking')).getAllByRole('row')).toHaveLength(61);
  });

  it('reads in English, legal basis included', async () => {
    await open('en');
    expect(screen.getByTestId('legal-basis').textContent).toContain(
      'Government Regulation (PP) 11/2017 Article 121 (rule R21)',
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Open selection results for senior posts (JPT Pratama): Pemerintah Kabupaten Contoh',
    );
  });
});
