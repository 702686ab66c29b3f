// i18next for the staff app: every page area's messages, each area fetched when a page needs it (the citizens' entry
// loads public-index.ts instead).
import { initI18n, setLanguage } from './setup';

/**
 * The areas a member's phone home shows (the shell's menus and messages bell, the home page): loaded before the first
 * render; every other page loads the rest when it opens (lazyComponent in routes.ts).
 */
export const HOME_AREAS = ['common', 'notifications', 'field', 'workbench'] as const;

/** Resolves once the chosen language's messages for the first screen are loaded; main.tsx renders after it. */
export const i18nReady = initI18n(import.meta.glob(['../locales/*/*.json', '!../locales/*/meta.json']), HOME_AREAS);

export { setLanguage };
