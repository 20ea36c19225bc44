import { KASN_2019, sourced } from './kasn-2019';
import type { Policy } from './types';

const { p, s } = sourced;

/** BKN era: Perpres 92/2024 moves merit supervision to BKN; BKN approves the top 3 (I-MUT) before announcement. */
export const BKN_2024: Policy = {
  ...KASN_2019,
  id: 'bkn-2024',
  title: {
    id: 'Seleksi terbuka JPT Pratama, pengawasan BKN',
    en: 'Open JPT Pratama selection, BKN oversight',
  },
  validFrom: '2024-08-23',
  validTo: '2025-06-30',
  gates: {
    planRecommendation: s(
      'BKN',
      undefined,
      'BKN recommendation before opening (Sumbawa Barat 2025; Barito Utara Pertek)',
    ),
    extensionApproval: s('none', 'R19', 'Overseer informed of extensions; approval varies'),
    underfilledPostDecision: s('BKN', 'R19', 'Overseer consulted after the 2nd extension'),
    stageAmendment: s('BKN', undefined, 'BKN supervises every stage (2025 statements)'),
    shortlistReview: s(
      'BKN',
      'R22',
      'Top 3 approved by BKN (I-MUT) before announcement (Bengkulu, Mukomuko 2025)',
    ),
    inaugurationRecommendation: s(
      'BKN',
      undefined,
      'BKN inauguration recommendation after the PPK pick (Mukomuko)',
    ),
    rerunRecommendation: s('BKN', undefined, 'BKN supervises every stage'),
    rotationRecommendation: s('BKN', 'R31', 'BKN supervision of mutations (2025)'),
    rotationApproval: s('BKN', 'R31', 'BKN supervision of mutations (2025)'),
  },
  shortlistReviewBeforeAnnouncement: s(
    true,
    'R22',
    'Top 3 announced only after BKN approves (Bengkulu 2026)',
  ),
  oversightOfficialsMayJoinPansel: p(
    true,
    'R1',
    'Perpres 92/2024; BKN still placed officials on pansels until July 2025',
  ),
};

/** From July 2025 BKN no longer places its officials on pansels; otherwise as bkn-2024. */
export const BKN_2025: Policy = {
  ...BKN_2024,
  id: 'bkn-2025',
  title: {
    id: 'Seleksi terbuka JPT Pratama, BKN tidak duduk di pansel',
    en: 'Open selection, BKN off pansels',
  },
  validFrom: '2025-07-01',
  validTo: undefined,
  oversightOfficialsMayJoinPansel: s(false, 'R1', 'BKN 2025: no longer places its officials on pansels'),
};
