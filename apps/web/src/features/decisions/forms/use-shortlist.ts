import { useTranslation } from 'react-i18next';
import { SHORTLIST_SIZE, shortlistOf } from '../applicants';
import { useDecisionData } from '../context';
import type { ApplicantView } from '../types';

/** The post's tiga besar for a form, with a caption saying whether they are the recorded shortlist or read off the ranking. */
export function useShortlist(afterReview: boolean): { finalists: ApplicantView[]; caption: string } {
  const { t } = useTranslation('decisions');
  const { applicants, facts } = useDecisionData();
  const { finalists, recorded } = shortlistOf(applicants, facts, afterReview);
  return {
    finalists,
    caption: recorded ? t('finalists.recorded') : t('finalists.caption', { size: SHORTLIST_SIZE }),
  };
}
