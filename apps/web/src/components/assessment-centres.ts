import { useQuery } from '@tanstack/react-query';
import { getJson } from '../api/call';
import type { components } from '../api/schema';

/** One accredited assessment centre as GET /assessment-centres gives it (R12). */
export type AssessmentCentre = components['schemas']['AssessmentCentre'];

/** The accredited assessment centres a plan may name, fetched once per page load (data of the release). */
export function useAssessmentCentres(): readonly AssessmentCentre[] {
  const centres = useQuery({
    queryKey: ['assessment-centres'],
    queryFn: () => getJson<components['schemas']['AssessmentCentreList']>('/assessment-centres'),
    staleTime: Infinity,
  });
  return centres.data?.centres ?? [];
}
