import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import id from './id.json';
import auditEn from '../features/audit/i18n/en.json';
import auditId from '../features/audit/i18n/id.json';
import decisionsEn from '../features/decisions/i18n/en.json';
import decisionsId from '../features/decisions/i18n/id.json';
import operatorEn from '../features/operator/i18n/en.json';
import operatorId from '../features/operator/i18n/id.json';
import publicEn from '../features/public/i18n/en.json';
import publicId from '../features/public/i18n/id.json';
import roundEn from '../features/round/i18n/en.json';
import roundId from '../features/round/i18n/id.json';

/** The console's languages, Bahasa Indonesia first (the default). */
export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The `Intl` locale each language formats dates, numbers and durations with. */
export const LOCALES: Record<Language, string> = { id: 'id-ID', en: 'en-GB' };

/**
 * Every text, by language and namespace. `translation` holds the shell's and shared components'
 * texts; each feature folder (src/features/<namespace>) keeps its own in i18n/{id,en}.json and reads
 * them with `useTranslation('<namespace>')`.
 */
export const RESOURCES = {
  id: {
    translation: id,
    audit: auditId,
    decisions: decisionsId,
    operator: operatorId,
    public: publicId,
    round: roundId,
  },
  en: {
    translation: en,
    audit: auditEn,
    decisions: decisionsEn,
    operator: operatorEn,
    public: publicEn,
    round: roundEn,
  },
} as const;

const CHOSEN = 'selter.language';

/** The language the reader chose last in this browser (Bahasa Indonesia until they choose). */
export function chosenLanguage(): Language {
  try {
    return window.localStorage.getItem(CHOSEN) === 'en' ? 'en' : 'id';
  } catch {
    return 'id';
  }
}

/** Switches the console's language and remembers it for the next visit. */
export async function chooseLanguage(language: Language): Promise<void> {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(CHOSEN, language);
  } catch {
    // Storage refused (private mode): the choice lasts for this page only.
  }
  await i18n.changeLanguage(language);
}

/** Starts i18next with both languages bundled (they are small; no loading flash). */
export async function initI18n(language: Language = 'id'): Promise<typeof i18n> {
  await i18n.use(initReactI18next).init({
    resources: RESOURCES,
    lng: language,
    fallbackLng: 'id',
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
}
