import { Badge, Loader, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Loaded } from '../../../api/query';
import { ProblemAlert } from '../../../components/problem-alert';
import type { ApplicantsView } from '../types';
import { TableHead } from '../../round/table-head';

/** The applicants registered for a post so far, in registration order. */
export function ApplicantList({
  loaded,
}: {
  loaded: Loaded<ApplicantsView | null>;
}): React.JSX.Element | null {
  const { t } = useTranslation('operator');
  if (loaded.state === 'loading') return <Loader size="sm" aria-label={t('links.loading')} />;
  if (loaded.state === 'failed') return <ProblemAlert failure={loaded.failure} />;
  const applicants = loaded.data?.applicants ?? [];
  if (applicants.length === 0) return <Text size="sm">{t('register.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped data-testid="applicant-list">
        <TableHead
          columns={[t('register.nip'), t('register.name'), t('register.applicantId'), t('register.state')]}
        />
        <Table.Tbody>
          {applicants.map((a) => (
            <Table.Tr key={a.applicantId} data-applicant={a.applicantId}>
              <Table.Th scope="row">{a.nip ?? '–'}</Table.Th>
              <Table.Td>{a.name ?? '–'}</Table.Td>
              <Table.Td>{a.applicantId}</Table.Td>
              <Table.Td>
                {a.withdrawn ? (
                  <Badge color="gray.7">{t('register.withdrawn')}</Badge>
                ) : a.invited ? (
                  <Badge color="indigo.8">{t('register.invited')}</Badge>
                ) : (
                  t('register.registered')
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
