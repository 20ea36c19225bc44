import { INDONESIAN_HOLIDAYS } from './holidays';
import type { Policy, Sourced } from './types';
import type { RuleId } from '../shared/rule-id';

const p = <T>(value: T, ruleId: RuleId | undefined, source: string): Sourced<T> => ({
  value,
  ...(ruleId ? { ruleId } : {}),
  source,
  evidence: 'P',
});
const s = <T>(value: T, ruleId: RuleId | undefined, source: string): Sourced<T> => ({
  value,
  ...(ruleId ? { ruleId } : {}),
  source,
  evidence: 'S',
});
const i = <T>(value: T, ruleId: RuleId | undefined, source: string): Sourced<T> => ({
  value,
  ...(ruleId ? { ruleId } : {}),
  source,
  evidence: 'I',
});
export const sourced = { p, s, i };

/** KASN era: UU 5/2014, PP 11/2017, PermenPANRB 15/2019; KASN holds the oversight gates. */
export const KASN_2019: Policy = {
  id: 'kasn-2019',
  title: {
    id: 'Seleksi terbuka JPT Pratama, pengawasan KASN',
    en: 'Open JPT Pratama selection, KASN oversight',
  },
  // Start: the PermenPANRB 15/2019 era (exact day of effect not verified). End: the day before Perpres 92/2024.
  validFrom: '2019-01-01',
  validTo: '2024-08-22',
  gates: {
    planRecommendation: s('KASN', undefined, 'UU 5/2014 Pasal 110(2); KASN letters e.g. B-778/KASN/2/2021'),
    extensionApproval: s(
      'none',
      'R19',
      'Overseer informed of extensions (Lebong, Lombok Tengah); approval varies',
    ),
    underfilledPostDecision: s(
      'KASN',
      'R19',
      'After the 2nd extension the overseer is asked (Lombok Tengah, Lebong)',
    ),
    stageAmendment: i('KASN', undefined, 'PROCESS.md §6: rules frozen; changes only with the overseer'),
    shortlistReview: p('KASN', 'R22', 'UU 5/2014 Pasal 120(4)(d-f): binding KASN recommendations on names'),
    inaugurationRecommendation: s('KASN', undefined, 'Rekomendasi pelantikan KASN (Kaltara 2020)'),
    rerunRecommendation: s(
      'KASN',
      undefined,
      'Banten 2022: re-run without overseer recommendation was a finding',
    ),
    rotationRecommendation: s('KASN', 'R31', 'Penajam Paser Utara 2021: KASN recommendation before tests'),
    rotationApproval: s('KASN', 'R31', 'Sanggau 2021: results confidential until KASN approval; PP 131-132'),
  },
  shortlistReviewBeforeAnnouncement: s(false, 'R22', 'KASN era: top 3 announced, then sent to KASN'),
  oversightOfficialsMayJoinPansel: s(true, 'R1', 'KASN-era practice allowed overseer officials on pansels'),
  extraApprovals: {
    mendagriInElectionWindow: p(true, 'R29', 'UU 10/2016 Pasal 71(2), 162(3)'),
    governorForSekdaKabKota: p(true, 'R24', 'UU 5/2014 Pasal 115(5); PP 11/2017 Pasal 127(3)'),
    dprdLeadershipForSekwan: p(true, 'R25', 'PP 11/2017 Pasal 127(4)'),
  },
  numbers: {
    panselMinSize: p(5, 'R1', 'PP 11/2017 Pasal 114(7)'),
    panselMaxSize: p(9, 'R1', 'PP 11/2017 Pasal 114(7)'),
    panselMustBeOdd: p(true, 'R1', 'PP 11/2017 Pasal 114(7)'),
    panselMaxInternalShare: s(0.45, 'R2', 'KASN slides 2021; South Sulawesi BKD 2021; Bengkulu'),
    announcementLeadDays: p(15, 'R4', 'PP 11/2017 Pasal 117(2)'),
    announcementLeadCounting: p('calendar', 'R4', 'PP 11/2017 Pasal 117(2)'),
    announcementLeadConvention: s(
      'announcement-day-counts',
      'R4',
      'PP 11/2017 Pasal 117(2) "paling singkat 15 hari kalender"; windows as published: South Sulawesi 31 Jul-14 Aug 2023, Makassar 4-18 Aug 2025, Tegal 7-21 Oct 2023',
    ),
    minApplicantsPerPost: s(4, 'R18', 'Most regions (Barito Utara, Lebong, Bandar Lampung)'),
    extensionDays: s(7, 'R19', 'Lebong, Lombok Tengah, Bandar Lampung, Sumbawa Barat 2023'),
    extensionCounting: s('working', 'R19', 'Extensions reported as working days'),
    maxExtensions: s(2, 'R19', 'Lebong, Lombok Tengah, Sumbawa Barat 2023'),
    maxPostsPerApplicant: s(1, undefined, 'Kaltara 2022: one post per applicant (South Sulawesi allowed 2)'),
    maxAgeYears: p(56, 'R11', 'PP 11/2017 Pasal 107 huruf c angka 6'),
    maxAgeReading: s(
      'years-and-zero-days',
      'R11',
      'PP 11/2017 Pasal 107 huruf c angka 6; cut-off practice "56 tahun 0 hari" on the reference date',
    ),
    minEducation: p('D-IV', 'R8', 'PP 11/2017 Pasal 107 huruf c angka 1'),
    minExperienceYears: p(5, 'R9', 'PP 11/2017 Pasal 107 huruf c angka 3'),
    minPriorPostYears: p(2, 'R10', 'PP 11/2017 Pasal 107 huruf c angka 4'),
    minRank: s('IV/a', 'R15', 'Kudus 2021, Karawang 2017, Kaltara 2018 announcements'),
    requireLeadershipTraining: s(true, 'R16', 'Kudus 2021, South Sulawesi 2023 announcements'),
    requiredDocuments: s(
      [
        'application-letter',
        'cv',
        'inspectorate-statement',
        'integrity-pact',
        'asset-declaration',
        'photo',
        'health-certificate',
        'mental-health-certificate',
        'drug-free-certificate',
        'tax-return',
      ],
      'R17',
      'South Sulawesi 2023; central 2021 announcement',
    ),
    shortlistSize: p(3, 'R22', 'UU 5/2014 Pasal 115(2); PP 11/2017 Pasal 121(3)'),
    fewerFinalistsWithOversight: s(true, 'R22', 'Kaltara 2020: 2 names accepted by KASN'),
    assessmentValidityYears: s(3, 'R27', 'Peraturan BKN 26/2019 Pasal 29(4), per SIASN FAQ'),
    replacementLockYears: p(2, 'R28', 'UU 5/2014 Pasal 116'),
    tenureLimitYears: p(5, 'R30', 'UU 5/2014 Pasal 117; PP 11/2017 Pasal 133'),
    rotationMinYears: p(2, 'R31', 'PP 11/2017 Pasal 131-132'),
    rotationMaxYears: p(5, 'R31', 'PP 11/2017 Pasal 131-132'),
    retirementAge: p(60, 'R33', 'UU 5/2014 Pasal 90 huruf b'),
    electionWindowAfterInaugurationMonths: p(6, 'R29', 'UU 10/2016 Pasal 162(3)'),
    electionWindowBeforeCandidatesMonths: p(6, 'R29', 'UU 10/2016 Pasal 71(2)'),
  },
  serviceLevels: {
    planRecommendationDays: i(14, undefined, 'Ciamis 2021: 5 days; soft SLA, reminders only'),
    underfilledDecisionDays: i(14, undefined, 'Design choice: as long as the plan recommendation; soft SLA'),
    shortlistReviewDays: i(14, undefined, 'Sanggau 2021 waited > 1 month; soft SLA'),
    ppkChoiceDays: i(14, undefined, 'No deadline in law (2017 study); soft SLA'),
    inaugurationDays: i(30, undefined, 'Soft SLA; assessment validity is the practical ceiling'),
    reminderEveryDays: i(3, undefined, 'Design choice'),
    escalateAfterDays: i(21, undefined, 'Design choice'),
  },
  holidays: INDONESIAN_HOLIDAYS,
};
