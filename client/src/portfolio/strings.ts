// The portfolio pages' strings, registered when their chunk loads.
import { registerStrings } from '../i18n/index.ts';
import { portfolio } from '../i18n/locales/portfolio.ts';

registerStrings('portfolio', portfolio);
