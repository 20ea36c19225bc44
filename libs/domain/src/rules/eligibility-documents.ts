import { rankAtLeast } from './applicant';
import type { EligibilityPredicate } from './eligibility';

const RANK_SOURCE = 'announcements of Kudus 2021, Karawang 2017, Kaltara 2018 (not in PP)';
export const RANK: EligibilityPredicate = {
  id: 'rank',
  ruleId: 'R15',
  source: RANK_SOURCE,
  evidence: 'S',
  waivable: false,
  title: { id: 'Pangkat paling rendah Pembina (IV/a)', en: 'Rank at least Pembina (IV/a)' },
  check: (applicant, { policy, minRank }) => {
    const min = minRank ?? policy.numbers.minRank.value;
    if (rankAtLeast(applicant.rank, min)) return null;
    return {
      id: `Pangkat ${applicant.rank} di bawah syarat ${min} (R15, ${RANK_SOURCE})`,
      en: `Rank ${applicant.rank} is below the required ${min} (R15, ${RANK_SOURCE})`,
    };
  },
};

const TRAINING_SOURCE = 'announcements of Kudus 2021, South Sulawesi 2023';
export const LEADERSHIP_TRAINING: EligibilityPredicate = {
  id: 'leadership-training',
  ruleId: 'R16',
  source: TRAINING_SOURCE,
  evidence: 'S',
  waivable: false,
  title: { id: 'Sertifikat Diklatpim III / PKA', en: 'Diklatpim III / PKA leadership training certificate' },
  check: (applicant, { policy }) =>
    !policy.numbers.requireLeadershipTraining.value ||
    applicant.documents.includes('leadership-training-certificate')
      ? null
      : {
          id: `Tidak melampirkan sertifikat Diklatpim III/PKA (R16, ${TRAINING_SOURCE})`,
          en: `No Diklatpim III/PKA leadership training certificate (R16, ${TRAINING_SOURCE})`,
        },
};

const PPK_SOURCE = 'PP 11/2017 Pasal 118 ayat 2, Pasal 119 ayat 2';
export const HOME_PPK_RECOMMENDATION: EligibilityPredicate = {
  id: 'home-ppk-recommendation',
  ruleId: 'R7',
  source: PPK_SOURCE,
  evidence: 'P',
  waivable: false,
  title: { id: 'Rekomendasi PPK instansi asal', en: "Recommendation of the applicant's home PPK" },
  check: (applicant) =>
    applicant.documents.includes('home-ppk-recommendation')
      ? null
      : {
          id: `Tidak melampirkan rekomendasi PPK instansi asal (R7, ${PPK_SOURCE})`,
          en: `No recommendation from the home PPK (R7, ${PPK_SOURCE})`,
        },
};

const DOCS_SOURCE = 'South Sulawesi 2023; central 2021 announcement';
export const REQUIRED_DOCUMENTS: EligibilityPredicate = {
  id: 'required-documents',
  ruleId: 'R17',
  source: DOCS_SOURCE,
  evidence: 'S',
  waivable: false,
  title: { id: 'Kelengkapan dokumen pendaftaran', en: 'Complete application documents' },
  check: (applicant, { policy }) => {
    const missing = policy.numbers.requiredDocuments.value.filter(
      (doc) => !applicant.documents.includes(doc),
    );
    if (missing.length === 0) return null;
    return {
      id: `Dokumen belum lengkap: ${missing.join(', ')} (R17, ${DOCS_SOURCE})`,
      en: `Missing documents: ${missing.join(', ')} (R17, ${DOCS_SOURCE})`,
    };
  },
};
