import {
  chooseAppointeeBody,
  dprdDecisionBody,
  governorReplyBody,
  inaugurateBody,
  planRecommendationBody,
  reviewShortlistBody,
  stageResultsBody,
  underfilledBody,
  verdictBody,
  withdrawAppointeeBody,
} from './bodies';

describe('decision bodies', () => {
  describe('administrative verdict', () => {
    it('passes with no findings: the API still checks the declared data', () => {
      expect(verdictBody('dinkes', 'a1', 'pass', [{ ruleId: 'R11', note: 'left over' }])).toEqual({
        postId: 'dinkes',
        applicantId: 'a1',
      });
    });

    it('fails with each chosen rule and its trimmed note', () => {
      expect(
        verdictBody('dinkes', 'a1', 'fail', [{ ruleId: 'R7', note: '  tanpa rekomendasi PPK asal ' }]),
      ).toEqual({
        postId: 'dinkes',
        applicantId: 'a1',
        findings: [{ ruleId: 'R7', note: 'tanpa rekomendasi PPK asal' }],
      });
    });

    it('is not complete without a verdict, without a failed rule, or with a rule missing its note', () => {
      expect(verdictBody('dinkes', 'a1', null, [])).toBeNull();
      expect(verdictBody('dinkes', 'a1', 'fail', [])).toBeNull();
      expect(
        verdictBody('dinkes', 'a1', 'fail', [
          { ruleId: 'R7', note: 'ada' },
          { ruleId: 'R11', note: '  ' },
        ]),
      ).toBeNull();
      expect(verdictBody(null, 'a1', 'pass', [])).toBeNull();
    });
  });

  describe('stage results', () => {
    const row = (applicantId: string, score: number | null, absent = false) => ({
      applicantId,
      score,
      absent,
      reused: null,
    });

    it('sends the filled rows and the absent ones, skipping rows not yet scored', () => {
      expect(
        stageResultsBody('dinkes', ' interview ', [row('a1', 82.5), row('a2', null), row('a3', 70, true)]),
      ).toEqual({
        postId: 'dinkes',
        stageId: 'interview',
        results: [{ applicantId: 'a1', score: 82.5 }],
        absent: ['a3'],
      });
    });

    it('dates a reused assessment with its provider (R27), and waits until both are given', () => {
      const reused = {
        ...row('a1', 75),
        reused: { assessedOn: '2024-03-01', provider: 'UPT Penilaian Kompetensi' },
      };
      expect(stageResultsBody('dinkes', 'assessment', [reused])?.results).toEqual([
        {
          applicantId: 'a1',
          score: 75,
          reusedAssessment: { assessedOn: '2024-03-01', provider: 'UPT Penilaian Kompetensi' },
        },
      ]);
      expect(
        stageResultsBody('dinkes', 'assessment', [
          { ...reused, reused: { assessedOn: null, provider: 'UPT' } },
        ]),
      ).toBeNull();
    });

    it('needs a stage and at least one row', () => {
      expect(stageResultsBody('dinkes', '', [row('a1', 80)])).toBeNull();
      expect(stageResultsBody('dinkes', 'paper', [row('a1', null)])).toBeNull();
    });
  });

  describe('oversight', () => {
    it('rejects a plan only with a reason; approves with or without one', () => {
      expect(planRecommendationBody('KASN', 'B-778/KASN/2/2021', 'rejected', ' ')).toBeNull();
      expect(
        planRecommendationBody(
          'KASN',
          'B-778/KASN/2/2021',
          'rejected',
          'Penyelenggara asesmen belum terakreditasi',
        ),
      ).toEqual({
        issuedBy: 'KASN',
        letterNumber: 'B-778/KASN/2/2021',
        decision: 'rejected',
        reason: 'Penyelenggara asesmen belum terakreditasi',
      });
      expect(planRecommendationBody('BKN', 'B-1', 'approved', '')).toEqual({
        issuedBy: 'BKN',
        letterNumber: 'B-1',
        decision: 'approved',
      });
    });

    it('records nothing without the liaison body or the letter number', () => {
      expect(planRecommendationBody(undefined, 'B-1', 'approved', '')).toBeNull();
      expect(underfilledBody('dinkes', 'BKN', '  ', 'drop', 'dua pelamar')).toBeNull();
      expect(underfilledBody('dinkes', 'BKN', 'B-2', 'drop', '')).toBeNull();
      expect(underfilledBody('dinkes', 'BKN', 'B-2', 'drop', 'dua pelamar')).toEqual({
        postId: 'dinkes',
        issuedBy: 'BKN',
        letterNumber: 'B-2',
        decision: 'drop',
        reason: 'dua pelamar',
      });
    });

    it('reviews the top three with the reason in both languages, the Indonesian one standing in for a missing English one', () => {
      const finding = {
        applicantId: 'a2',
        ruleId: 'R11' as const,
        reasonId: 'Usia melebihi 56 tahun',
        reasonEn: '',
      };
      expect(reviewShortlistBody('dinkes', 'BKN', 'B-3', [finding], true)).toEqual({
        postId: 'dinkes',
        issuedBy: 'BKN',
        letterNumber: 'B-3',
        ineligible: [
          {
            applicantId: 'a2',
            ruleId: 'R11',
            reason: { id: 'Usia melebihi 56 tahun', en: 'Usia melebihi 56 tahun' },
          },
        ],
        acceptFewer: true,
      });
      expect(reviewShortlistBody('dinkes', 'BKN', 'B-3', [], false)).toEqual({
        postId: 'dinkes',
        issuedBy: 'BKN',
        letterNumber: 'B-3',
      });
      expect(
        reviewShortlistBody('dinkes', 'BKN', 'B-3', [{ ...finding, ruleId: null, reasonId: '' }], false),
      ).toBeNull();
    });
  });

  describe('PPK', () => {
    it('chooses one name, with the consideration when given', () => {
      expect(chooseAppointeeBody('dinkes', null, '')).toBeNull();
      expect(chooseAppointeeBody('dinkes', 'a1', '')).toEqual({ postId: 'dinkes', applicantId: 'a1' });
      expect(chooseAppointeeBody('dinkes', 'a1', 'Nilai wawancara tertinggi')).toEqual({
        postId: 'dinkes',
        applicantId: 'a1',
        note: 'Nilai wawancara tertinggi',
      });
    });

    it('inaugurates only with the date, both witnesses complete, the clergy and the minutes', () => {
      const witness = { nip: '196801011990031001', name: 'Sekda', level: 'jpt-madya' as const };
      const body = inaugurateBody(
        'dinkes',
        '2025-01-15',
        [witness, { ...witness, nip: '2' }],
        'Ustaz A',
        'BA-1',
      );
      expect(body).toEqual({
        postId: 'dinkes',
        inauguratedOn: '2025-01-15',
        witnesses: [witness, { ...witness, nip: '2' }],
        clergy: 'Ustaz A',
        minutesNumber: 'BA-1',
      });
      expect(
        inaugurateBody(
          'dinkes',
          '2025-01-15',
          [witness, { nip: '', name: '', level: null }],
          'Ustaz A',
          'BA-1',
        ),
      ).toBeNull();
      expect(inaugurateBody('dinkes', null, [witness, witness], 'Ustaz A', 'BA-1')).toBeNull();
    });
  });

  describe("the governor's reply, the DPRD leadership's decision and the appointee's withdrawal", () => {
    it('[R24] an objection needs its reason; an agreement does not', () => {
      expect(governorReplyBody('sekda', ' G-1 ', 'agreed', '')).toEqual({
        postId: 'sekda',
        letterNumber: 'G-1',
        decision: 'agreed',
      });
      expect(governorReplyBody('sekda', 'G-1', 'objected', '  ')).toBeNull();
      expect(governorReplyBody('sekda', 'G-1', 'objected', 'rekam jejak')).toMatchObject({
        reason: 'rekam jejak',
      });
      expect(governorReplyBody('sekda', 'G-1', null, '')).toBeNull();
    });

    it('[R25] a refusal needs its reason', () => {
      expect(dprdDecisionBody('sekwan', 'D-1', 'refused', '')).toBeNull();
      expect(dprdDecisionBody('sekwan', 'D-1', 'approved', '')).toEqual({
        postId: 'sekwan',
        letterNumber: 'D-1',
        decision: 'approved',
      });
    });

    it('[R23] a withdrawal needs its note', () => {
      expect(withdrawAppointeeBody('dinkes', 'final-check-failed', ' ')).toBeNull();
      expect(withdrawAppointeeBody('dinkes', 'declared', ' surat ')).toEqual({
        postId: 'dinkes',
        cause: 'declared',
        note: 'surat',
      });
    });
  });
});
