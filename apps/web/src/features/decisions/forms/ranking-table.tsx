import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { applicantName, scoredStages } from '../applicants';
import { useDecisionData } from '../context';
import type { ApplicantView } from '../types';
import { useScoreFormat } from './fields';

/** A column of controls (a checkbox or radio per applicant) in front of the ranking. */
export interface RankingControl {
  header: string;
  cell: (applicant: ApplicantView) => React.ReactNode;
}

/** Applicants in ranking order with each stage's score and the running total, as the last published ranking has them. */
export function RankingTable({
  applicants,
  caption,
  control,
}: {
  applicants: readonly ApplicantView[];
  caption: string;
  control?: RankingControl;
}): React.JSX.Element {
  const { t } = useTranslation('decisions');
  const stages = scoredStages(applicants, useDecisionData().stageOrder);
  const score = useScoreFormat();
  return (
    <Table.ScrollContainer minWidth={560 + stages.length * 90}>
      <Table striped data-testid="ranking">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            {control && <Table.Th scope="col">{control.header}</Table.Th>}
            <Table.Th scope="col">{t('applicants.rank')}</Table.Th>
            <Table.Th scope="col">{t('applicants.applicant')}</Table.Th>
            <Table.Th scope="col">{t('applicants.nip')}</Table.Th>
            {stages.map((stageId) => (
              <Table.Th scope="col" key={stageId}>
                {stageId}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('applicants.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {applicants.map((a) => (
            <Table.Tr key={a.applicantId} data-applicant={a.applicantId}>
              {control && <Table.Td>{control.cell(a)}</Table.Td>}
              <Table.Td>{a.rank ?? '–'}</Table.Td>
              <Table.Th scope="row" fw={400}>
                {applicantName(a)}
              </Table.Th>
              <Table.Td>{a.nip ?? '–'}</Table.Td>
              {stages.map((stageId) => (
                <Table.Td key={stageId}>{score(a.scores[stageId])}</Table.Td>
              ))}
              <Table.Td fw={600}>{score(a.total)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
