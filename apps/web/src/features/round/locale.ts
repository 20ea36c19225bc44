import { useTranslation } from 'react-i18next';
import { LOCALES, type Language } from '../../i18n';

/** The Intl locale of the reader's language (id-ID unless English was chosen). */
export function useLocale(): string {
  const { i18n } = useTranslation();
  return LOCALES[(i18n.language === 'en' ? 'en' : 'id') as Language];
}

/** A number in the reader's locale (e.g. 87,5 in id-ID); up to two decimals. */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** A calendar date (YYYY-MM-DD, no time of day) in the reader's locale, e.g. "14 Agu 2023". */
export function formatDate(isoDate: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${isoDate.slice(0, 10)}T00:00:00Z`),
  );
}
