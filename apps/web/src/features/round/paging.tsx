import { Group, Pagination, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, useLocale } from './locale';

export interface Paged<T> {
  page: number;
  pages: number;
  setPage: (page: number) => void;
  slice: T[];
  from: number;
  to: number;
  total: number;
}

/**
 * One page of `items` (a large round has posts of hundreds of applicants: rendering them all at
 * once is what makes a page slow); `all` shows every item, e.g. while printing. Back to page 1
 * when the list changes length.
 */
export function usePaged<T>(items: readonly T[], size: number, all = false): Paged<T> {
  const [page, setPage] = useState(1);
  // Back to page 1 when the length changes (adjusted while rendering, not in an effect).
  const [length, setLength] = useState(items.length);
  if (length !== items.length) {
    setLength(items.length);
    setPage(1);
  }
  const pages = all ? 1 : Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(page, pages);
  const start = all ? 0 : (current - 1) * size;
  const slice = all ? [...items] : items.slice(start, start + size);
  return {
    page: current,
    pages,
    setPage,
    slice,
    from: slice.length ? start + 1 : 0,
    to: start + slice.length,
    total: items.length,
  };
}

/** "Baris 1–50 dari 1.500" and the page buttons (no buttons when one page holds everything). */
export function Pager<T>({ paged, label }: { paged: Paged<T>; label: string }): React.JSX.Element {
  const { t } = useTranslation('round');
  const locale = useLocale();
  const count = (n: number) => formatNumber(n, locale);
  return (
    <Group justify="space-between" data-pager>
      <Text size="sm" c="dimmed">
        {t('paging.rows', { from: count(paged.from), to: count(paged.to), total: count(paged.total) })}
      </Text>
      {paged.pages > 1 && (
        <nav aria-label={label}>
          <Pagination
            total={paged.pages}
            value={paged.page}
            onChange={paged.setPage}
            size="sm"
            getControlProps={(control) => ({ 'aria-label': t(`paging.${control}`) })}
            getItemProps={(page) => ({ 'aria-label': t('paging.page', { page }) })}
          />
        </nav>
      )}
    </Group>
  );
}
