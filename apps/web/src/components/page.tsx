import { Group, Loader, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Loaded } from '../api/query';
import { ProblemAlert } from './problem-alert';

/**
 * Every page's frame: `data-page` names it and `aria-busy` says whether it is still loading (the
 * browser tests and the web-round-view benchmark wait on `[data-page=…][aria-busy=false]`).
 */
export function Page({
  name,
  title,
  busy = false,
  actions,
  children,
}: {
  name: string;
  title: React.ReactNode;
  busy?: boolean;
  actions?: React.ReactNode;
  children?: React.ReactNode;
}): React.JSX.Element {
  return (
    <Stack data-page={name} aria-busy={busy} gap="md">
      <Group justify="space-between" align="flex-start">
        <Title order={1} size="h2">
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </Stack>
  );
}

/** A page whose content needs loaded data: a loader, the failure, or `children(data)`. */
export function LoadedPage<T>({
  name,
  title,
  loaded,
  actions,
  children,
}: {
  name: string;
  title: React.ReactNode;
  loaded: Loaded<T>;
  actions?: React.ReactNode;
  children: (data: T) => React.ReactNode;
}): React.JSX.Element {
  const { t } = useTranslation();
  return (
    <Page name={name} title={title} busy={loaded.state === 'loading'} actions={actions}>
      {loaded.state === 'loading' && <Loader aria-label={t('app.loading')} />}
      {loaded.state === 'failed' && <ProblemAlert failure={loaded.failure} />}
      {loaded.state === 'ready' && children(loaded.data)}
    </Page>
  );
}
