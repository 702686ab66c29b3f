// i18next for the citizens' entry: only the public page areas' messages.
import { publicAreas } from './public-catalogues';
import { initI18n, mergeCatalogues } from './setup';

/** The citizens' entry's i18next instance. */
export default initI18n(mergeCatalogues(publicAreas));
