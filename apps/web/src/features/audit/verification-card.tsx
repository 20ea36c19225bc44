import { Alert, Badge, Code, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format';
import { formatNumber, useLocale } from '../round/locale';
import type { RoundVerification } from './types';
import { TableHead } from '../round/table-head';

/** The chain's verdict: verified or the first bad position, each problem, and the checkpoint that covers it. */
export function VerificationCard({
  verification: v,
}: {
  verification: RoundVerification;
}): React.JSX.Element {
  const { t } = useTranslation('audit');
  const locale = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="verification-title"
      data-verified={v.verified}
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h3" id="verification-title">
            {t('verification.title')}
          </Title>
          <Badge
            size="lg"
            color={v.verified ? 'teal.9' : 'red.9'}
            variant="filled"
            data-testid="verification-status"
          >
            {v.verified ? t('verification.verified') : t('verification.broken')}
          </Badge>
        </Group>
        {!v.verified && (
          <Alert color="red" title={t('verification.firstBad')} role="alert">
            {v.firstBadVersion === null
              ? t('verification.checkpointOnly')
              : t('verification.firstBadAt', { version: n(v.firstBadVersion) })}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Text size="sm">
            {t('verification.events')}: <strong>{n(v.events)}</strong>
          </Text>
          <Text size="sm">
            {t('verification.head')}: <strong>{n(v.headVersion)}</strong>
          </Text>
          <Text size="sm">
            {t('verification.checkedAt')}: <strong>{formatDateTime(v.checkedAt, locale)}</strong>
          </Text>
        </SimpleGrid>
        <Text size="sm">
          {t('verification.headHash')}: <Code style={{ wordBreak: 'break-all' }}>{v.headHash}</Code>
        </Text>
        <Checkpoint verification={v} />
        {v.problems.length > 0 && <Problems problems={v.problems} />}
        {v.store && !v.store.ok && (
          // The store's checkpoints, apart: a forged one never fails this round's verification.
          <Alert color="yellow" title={t('store.title')} role="status" data-testid="store-status">
            {t('store.detail', { provenWith: v.store.provenWith ?? '-' })}
            <Problems problems={v.store.problems} />
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function Checkpoint({ verification: v }: { verification: RoundVerification }): React.JSX.Element {
  const { t } = useTranslation('audit');
  const locale = useLocale();
  const c = v.checkpoint;
  if (!c)
    return (
      <Alert color="yellow" role="note">
        {t('checkpoint.none')}
      </Alert>
    );
  const n = (value: number) => formatNumber(value, locale);
  return (
    <Stack gap={4} data-testid="checkpoint">
      <Text size="sm" fw={600}>
        {t('checkpoint.title', { sequence: n(c.sequence) })}
      </Text>
      <Text size="sm">
        {t('checkpoint.detail', {
          signedAt: formatDateTime(c.signedAt, locale),
          size: n(c.size),
          covered: n(c.coveredVersion),
        })}
      </Text>
      <Text size="sm">
        {t('checkpoint.key')}: <Code>{c.keyFingerprint}</Code>
      </Text>
      <Text size="sm" data-testid="cosigned">
        {c.cosignedBy.length === 0
          ? t('checkpoint.notCosigned')
          : t('checkpoint.cosigned', {
              witnesses: c.cosignedBy.map((w) => w.witnessKeyId).join(', '),
            })}
      </Text>
      {c.coveredVersion < v.headVersion && (
        <Text size="sm" c="dimmed">
          {t('checkpoint.chainOnly', { from: n(c.coveredVersion + 1), to: n(v.headVersion) })}
        </Text>
      )}
    </Stack>
  );
}

function Problems({ problems }: { problems: RoundVerification['problems'] }): React.JSX.Element {
  const { t } = useTranslation('audit');
  return (
    <Table withTableBorder data-testid="problems">
      <Table.Caption>{t('problems.caption')}</Table.Caption>
      <TableHead
        columns={[t('problems.version'), t('problems.position'), t('problems.code'), t('problems.detail')]}
      />
      <Table.Tbody>
        {problems.map((p, i) => (
          <Table.Tr key={i}>
            <Table.Td>{p.version ?? t('problems.checkpoint')}</Table.Td>
            <Table.Td>
              {p.globalPosition ??
                (p.checkpointSequence === null ? '' : `${t('problems.checkpoint')} ${p.checkpointSequence}`)}
            </Table.Td>
            <Table.Td>
              <Code>{p.code}</Code>
            </Table.Td>
            <Table.Td>{p.detail}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
