// The projector screens' strings, registered when this chunk loads.
import { registerStrings } from '../i18n/index.ts';
import { projector } from '../i18n/locales/projector.ts';

registerStrings('projector', projector);
