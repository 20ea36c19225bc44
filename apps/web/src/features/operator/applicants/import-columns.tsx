import { Anchor, Code, Stack, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_COLUMNS, templateCsv } from './import-format';
import { TableHead } from '../../round/table-head';

/** What the import file holds, column by column, and a template to start from (the API does not serve one). */
export function ImportColumns(): React.JSX.Element {
  const { t } = useTranslation('operator');
  const template = useMemo(
    () => `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${templateCsv()}`)}`,
    [],
  );
  return (
    <details>
      <summary>
        <Text span size="sm" fw={500}>
          {t('import.columnsTitle')}
        </Text>
      </summary>
      <Stack gap="xs" mt="xs">
        <Text size="sm">{t('import.formatHint')}</Text>
        <Anchor href={template} download="pelamar-templat.csv" size="sm" data-testid="import-template">
          {t('import.template')}
        </Anchor>
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="import-columns">
            <TableHead columns={[t('import.column'), t('import.meaning'), t('import.example')]} />
            <Table.Tbody>
              {IMPORT_COLUMNS.map((column) => (
                <Table.Tr key={column.name}>
                  <Table.Th scope="row">
                    <Code>{column.name}</Code>
                    {!column.required && (
                      <Text span size="xs">
                        {' '}
                        ({t('import.optional')})
                      </Text>
                    )}
                  </Table.Th>
                  <Table.Td>{t(`columns.${column.name}`)}</Table.Td>
                  <Table.Td>
                    <Text size="xs">{column.example}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </details>
  );
}
