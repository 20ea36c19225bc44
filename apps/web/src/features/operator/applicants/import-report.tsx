import { Badge, Code, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportReport as Report, ImportRow } from '../types';
import { TableHead } from '../../round/table-head';

/** What an import did, row by row: accepted (with the applicant) or rejected (why, with the rule and code). */
export function ImportReport({ report }: { report: Report }): React.JSX.Element {
  const { t } = useTranslation('operator');
  return (
    <>
      <Group
        gap="sm"
        role="status"
        data-testid="import-counts"
        data-accepted={report.accepted}
        data-rejected={report.rejected}
      >
        <Badge variant="filled" color="teal.9">
          {t('import.accepted', { count: report.accepted })}
        </Badge>
        <Badge variant="filled" color={report.rejected > 0 ? 'red.9' : 'gray.7'}>
          {t('import.rejected', { count: report.rejected })}
        </Badge>
      </Group>
      {report.ignoredColumns.length > 0 && (
        <Text size="sm">{t('import.ignored', { columns: report.ignoredColumns.join(', ') })}</Text>
      )}
      <Table.ScrollContainer minWidth={720}>
        <Table striped captionSide="top" data-testid="import-report">
          <caption>{t('import.caption')}</caption>
          <TableHead
            columns={[t('import.row'), t('import.result'), t('import.applicant'), t('import.reason')]}
          />
          <Table.Tbody>
            {report.rows.map((row) => (
              <ReportRow key={row.row} row={row} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

function ReportRow({ row }: { row: ImportRow }): React.JSX.Element {
  const { t, i18n } = useTranslation('operator');
  const language = i18n.language === 'en' ? 'en' : 'id';
  return (
    <Table.Tr data-row={row.row} data-status={row.status} data-rule-id={row.ruleId} data-code={row.code}>
      <Table.Th scope="row">{row.row}</Table.Th>
      <Table.Td>
        <Badge variant="filled" color={row.status === 'accepted' ? 'teal.9' : 'red.9'}>
          {t(`import.${row.status}Row`)}
        </Badge>
      </Table.Td>
      <Table.Td>
        {row.applicantId && <Code>{row.applicantId}</Code>}
        {row.nip && <Text size="sm">NIP {row.nip}</Text>}
      </Table.Td>
      <Table.Td>
        {row.reason && <Text size="sm">{row.reason[language]}</Text>}
        {(row.ruleId || row.code || row.field) && (
          <Text size="xs" c="gray.7">
            {row.ruleId && (
              <>
                {t('import.rule')}: <strong>{row.ruleId}</strong> ·{' '}
              </>
            )}
            {row.code && (
              <>
                {t('import.code')}: <Code>{row.code}</Code>
              </>
            )}
            {row.field && (
              <>
                {' '}
                · {t('import.field')}: <Code>{row.field}</Code>
              </>
            )}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
