// The observer screens' strings, registered when this chunk loads.
import { registerStrings } from '../i18n/index.ts';
import { observer } from '../i18n/locales/observer.ts';

registerStrings('observer', observer);
