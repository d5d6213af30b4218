import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import enCommon from './en.json';
import zhCommon from './zh-CN.json';
import dashboardEn from './procedures/dashboard.en.json';
import dashboardZh from './procedures/dashboard.zh-CN.json';
import electionEn from './procedures/election.en.json';
import electionZh from './procedures/election.zh-CN.json';
import ownersMeetingEn from './procedures/ownersMeeting.en.json';
import ownersMeetingZh from './procedures/ownersMeeting.zh-CN.json';
import serviceAdmissionEn from './procedures/serviceAdmission.en.json';
import serviceAdmissionZh from './procedures/serviceAdmission.zh-CN.json';
import publicServiceEn from './procedures/publicService.en.json';
import publicServiceZh from './procedures/publicService.zh-CN.json';

/** Shared strings, plus one file per procedure (keys `election.*`, `serviceAdmission.*`, `ownersMeeting.*`). */
const zhCN = {
  ...zhCommon,
  election: electionZh,
  serviceAdmission: serviceAdmissionZh,
  ownersMeeting: ownersMeetingZh,
  dashboard: dashboardZh,
  publicService: publicServiceZh,
};
const en = {
  ...enCommon,
  election: electionEn,
  serviceAdmission: serviceAdmissionEn,
  ownersMeeting: ownersMeetingEn,
  dashboard: dashboardEn,
  publicService: publicServiceEn,
};

export const SUPPORTED_LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/** The Chinese resources define the key set; English must provide every key too. */
export type TranslationResources = typeof zhCN;
const enResources: TranslationResources = en;

const STORAGE_KEY = 'cg.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(value);
}

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    // localStorage may be unavailable (privacy mode, disabled storage).
    return DEFAULT_LANGUAGE;
  }
}

function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Ignore: the choice then only lasts for this page load.
  }
}

/** The current UI language, normalised to one of the supported languages. */
export function currentLanguage(): Language {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

export async function changeLanguage(language: Language): Promise<void> {
  storeLanguage(language);
  await i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = isLanguage(language) ? language : DEFAULT_LANGUAGE;
});

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: zhCN },
    en: { translation: enResources },
  },
  lng: readStoredLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...SUPPORTED_LANGUAGES],
  interpolation: { escapeValue: false }, // React already escapes.
  returnNull: false,
  // Resources are bundled, so initialise synchronously: the first render is already translated.
  initAsync: false,
});

export default i18n;
