import { Button, Group, NumberInput, Paper, Slider, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keys, useApiQuery } from '../../api/query';
import { useSession } from '../../session-context';
import { formatNumber, useLocale } from '../round/locale';
import { LoadingOr } from '../round/loading-or';
import { useSearchParam } from '../round/search-param';
import { roundStateAt } from './api';
import { StateAt } from './state-at';

const clamp = (value: number, head: number) => Math.min(head, Math.max(1, Math.round(value)));

/**
 * The round as it was right after any event, 1 to the head: a slider (arrow keys, Home/End), a
 * number field and previous/next buttons move the position, kept in the link as `?at=`. The state is
 * fetched once the position rests for a moment, so dragging across thousands of events asks once.
 */
export function TimeSlider({
  roundId,
  headVersion,
}: {
  roundId: string;
  headVersion: number;
}): React.JSX.Element {
  const { t } = useTranslation('audit');
  const { session } = useSession();
  const locale = useLocale();
  const [at, setAt] = useSearchParam('at');
  const asked = Number.parseInt(at ?? '', 10);
  const position = Number.isFinite(asked) ? clamp(asked, headVersion) : headVersion;
  const [draft, setDraft] = useState(position);
  // The draft follows the position when the link moves it (adjusted while rendering, not in an effect).
  const [shown, setShown] = useState(position);
  if (shown !== position) {
    setShown(position);
    setDraft(position);
  }
  const commit = (value: number) => {
    const next = clamp(value, headVersion);
    setDraft(next);
    setAt(String(next), { replace: true });
  };
  const [settled] = useDebouncedValue(position, 250);
  const token = session?.token;
  const state = useApiQuery(keys.state(roundId, settled), () => roundStateAt(roundId, token, settled), {
    keepPrevious: true,
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="time-slider-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="time-slider-title">
          {t('slider.title')}
        </Title>
        <Text size="sm">{t('slider.intro')}</Text>
        <Slider
          min={1}
          max={headVersion}
          step={1}
          value={draft}
          onChange={setDraft}
          onChangeEnd={commit}
          label={(value) => t('slider.position', { version: formatNumber(value, locale) })}
          thumbLabel={t('slider.thumb')}
          marks={[
            { value: 1, label: formatNumber(1, locale) },
            { value: headVersion, label: formatNumber(headVersion, locale) },
          ]}
          mb="lg"
          data-testid="time-slider"
        />
        <Group align="flex-end" gap="xs">
          <Button variant="default" onClick={() => commit(position - 1)} disabled={position <= 1}>
            {t('slider.previous')}
          </Button>
          <NumberInput
            label={t('slider.version', { head: formatNumber(headVersion, locale) })}
            value={draft}
            min={1}
            max={headVersion}
            allowDecimal={false}
            clampBehavior="strict"
            onChange={(value) => typeof value === 'number' && setDraft(value)}
            onBlur={() => commit(draft)}
            onKeyDown={(e) => e.key === 'Enter' && commit(draft)}
            w={200}
          />
          <Button variant="default" onClick={() => commit(position + 1)} disabled={position >= headVersion}>
            {t('slider.next')}
          </Button>
          <Button variant="default" onClick={() => commit(headVersion)} disabled={position >= headVersion}>
            {t('slider.head')}
          </Button>
        </Group>
        <div
          aria-busy={state.state === 'ready' ? state.data.at !== position : state.state === 'loading'}
          data-testid="state-at"
        >
          <LoadingOr loaded={state} label={t('slider.loading')}>
            {(data) => <StateAt at={data} />}
          </LoadingOr>
        </div>
      </Stack>
    </Paper>
  );
}
