// i18next for the citizens' entry: only the public page areas' messages (form, tracking, reception booking,
// consultation progress, member directory), never the staff app's. A new public area: add its file name here.
import { initI18n } from './setup';

/** Resolves once the chosen language's public messages are loaded; public-main.tsx renders after it. */
export const i18nReady = initI18n(
  import.meta.glob([
    '../locales/*/common.json',
    '../locales/*/public.json',
    '../locales/*/reception.json',
    '../locales/*/consultations.json',
    '../locales/*/directory.json',
  ]),
);
