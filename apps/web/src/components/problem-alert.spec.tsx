import { screen, waitFor } from '@testing-library/react';
import { renderConsole } from '../../test-support/render';
import { ApiProblem } from '../api/call';
import { ProblemAlert } from './problem-alert';

const RULES = {
  rules: [
    {
      id: 'R5',
      title: { id: 'Usia paling tinggi 56 tahun', en: 'Aged 56 at most' },
      value: '56',
      source: 'PP 11/2017 Pasal 107',
      evidence: ['P'],
      note: null,
    },
  ],
};

const refusal = new ApiProblem(
  {
    type: 'about:blank',
    title: 'Unprocessable',
    status: 422,
    code: 'APPLICANT.TOO_OLD',
    ruleId: 'R5',
    reason: { id: 'Pelamar berusia lebih dari 56 tahun.', en: 'The applicant is older than 56.' },
  },
  422,
);

beforeEach(() => {
  // GET /rules, as the API answers it (jsdom has no fetch).
  global.fetch = jest.fn(async () => ({
    ok: true,
    status: 200,
    json: async () => RULES,
  })) as unknown as typeof fetch;
});

describe('ProblemAlert', () => {
  it('says why in Bahasa Indonesia, with the code, the rule and its legal source', async () => {
    await renderConsole(<ProblemAlert failure={refusal} />);
    expect(screen.getByRole('alert')).toHaveProperty('dataset.problemCode', 'APPLICANT.TOO_OLD');
    expect(screen.getByText('Pelamar berusia lebih dari 56 tahun.')).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByTestId('problem-rule').textContent).toContain(
        'Usia paling tinggi 56 tahun · Dasar hukum: PP 11/2017 Pasal 107',
      ),
    );
  });

  it('speaks English when the reader chose it', async () => {
    await renderConsole(<ProblemAlert failure={refusal} />, { language: 'en' });
    expect(screen.getByText('The applicant is older than 56.')).toBeTruthy();
    await waitFor(() =>
      expect(screen.getByTestId('problem-rule').textContent).toContain(
        'Aged 56 at most · Legal source: PP 11/2017 Pasal 107',
      ),
    );
  });

  it('names a network failure without a code', async () => {
    await renderConsole(<ProblemAlert failure={new TypeError('Failed to fetch')} />);
    expect(screen.getByRole('alert').textContent).toContain('Server tidak dapat dihubungi');
  });
});
