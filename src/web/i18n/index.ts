// i18next for the staff app: every page area's messages (the citizens' entry loads public-index.ts instead).
import { initI18n, setLanguage } from './setup';

/** Resolves once the chosen language's messages are loaded; main.tsx renders after it. */
export const i18nReady = initI18n(import.meta.glob(['../locales/*/*.json', '!../locales/*/meta.json']));

export { setLanguage };
