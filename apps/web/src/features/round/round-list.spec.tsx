import { waitFor, within } from '@testing-library/react';
import { renderConsole } from '../../../test-support/render';
import { RoundList } from './round-list';
import { stubApi } from './stub-api.test-helper';
import type { RoundSummary } from './types';

let mockSession: unknown;
jest.mock('../../session-context', () => ({ useSession: () => mockSession }));

const summary = (id: string, agency: string, readOnly: boolean): RoundSummary => ({
  id,
  agency,
  name: `Seleksi ${agency}`,
  agencyName: null,
  status: 'announced',
  posts: 2,
  openPosts: 2,
  updatedAt: '2024-09-10T02:00:00Z',
  readOnly,
});

describe('RoundList', () => {
  it("badges the regency's rounds the province follows read-only, and none of its own", async () => {
    const stub = stubApi({
      '/rounds': {
        rounds: [
          summary('round-provcontoh-2024-01', 'provcontoh', false),
          summary('round-kabpesisir-2024-02', 'kabpesisir', true),
        ],
      },
    });
    (stub.session as { session: { user: { agency: string } } }).session.user.agency = 'provcontoh';
    mockSession = stub.session;
    await renderConsole(<RoundList />);
    const row = (id: string) => document.querySelector(`[data-round-id="${id}"]`) as HTMLElement;
    await waitFor(() => expect(row('round-kabpesisir-2024-02')).toBeTruthy());
    const badge = within(row('round-kabpesisir-2024-02')).getByTestId('read-only');
    expect(badge.textContent).toBe('Hanya baca');
    expect(badge.getAttribute('title')).toContain('provinsi memantau, tidak memutus');
    expect(within(row('round-provcontoh-2024-01')).queryByTestId('read-only')).toBeNull();
  });
});
