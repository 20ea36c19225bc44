import { Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/problem-alert';
import { useSession } from '../../../session-context';
import { importApplicants } from '../api';
import type { ImportReport as Report } from '../types';
import { ImportColumns } from './import-columns';
import { ImportReport } from './import-report';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Imports a CSV/XLSX file of applicants (the format regional offices keep) and shows the API's report row by row. */
export function ImportApplicants({
  roundId,
  onImported,
}: {
  roundId: string;
  onImported: (report: Report) => void;
}): React.JSX.Element {
  const { t } = useTranslation('operator');
  const { session } = useSession();
  const [file, setFile] = useState<File | null>(null);
  // One Idempotency-Key per chosen file: sending it again after a lost reply imports it once.
  const key = useMemo(() => (file ? crypto.randomUUID() : ''), [file]);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<{ report: Report } | { failure: unknown } | null>(null);

  async function send(): Promise<void> {
    if (!file) return;
    setSending(true);
    setOutcome(null);
    try {
      const report = await importApplicants(session?.token ?? '', roundId, file, key);
      setOutcome({ report });
      onImported(report);
    } catch (failure) {
      setOutcome({ failure });
    } finally {
      setSending(false);
    }
  }

  return (
    <Stack gap="sm">
      <ImportColumns />
      <Group align="flex-end">
        <FileInput
          label={t('import.file')}
          description={t('import.fileHint')}
          accept={ACCEPT}
          value={file}
          onChange={(chosen) => {
            setFile(chosen);
            setOutcome(null);
          }}
          clearable
          clearButtonProps={{ 'aria-label': t('import.clearFile') }}
          w={420}
          data-testid="import-file"
        />
        <Button onClick={() => void send()} loading={sending} disabled={!file} data-testid="import-submit">
          {t('import.submit')}
        </Button>
      </Group>
      {sending && (
        <Text size="sm" role="status">
          {t('import.sending')}
        </Text>
      )}
      {outcome && 'failure' in outcome && (
        <ProblemAlert failure={outcome.failure} title={t('import.failed')} />
      )}
      {outcome && 'report' in outcome && <ImportReport report={outcome.report} />}
    </Stack>
  );
}
