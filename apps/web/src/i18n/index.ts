import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import id from './id.json';

/** The console's languages, Bahasa Indonesia first (the default). */
export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The `Intl` locale each language formats dates, numbers and durations with. */
export const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/** Starts i18next with both languages bundled (they are small; no loading flash). */
export async function initI18n(language: Language = 'id'): Promise<typeof i18n> {
  await i18n.use(initReactI18next).init({
    resources: { id: { translation: id }, en: { translation: en } },
    lng: language,
    fallbackLng: 'id',
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
}
