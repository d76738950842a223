// The studio's strings, registered when this chunk loads.
import { registerStrings } from '../i18n/index.ts';
import { studio } from '../i18n/locales/studio.ts';

registerStrings('studio', studio);
