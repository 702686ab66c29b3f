// i18next for the staff app: every page area's catalogue (the citizens' entry loads public-index.ts instead).
import { catalogues } from './catalogues';
import { initI18n, setLanguage } from './setup';

const i18n = initI18n(catalogues);

export { setLanguage };
export default i18n;
