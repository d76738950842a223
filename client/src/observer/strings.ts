// The observer screens' strings, registered when this chunk loads.
import { registerStrings } from '../i18n/index.ts';
import { coachingErrors } from '../i18n/locales/coaching.ts';
import { observer } from '../i18n/locales/observer.ts';

registerStrings('observer', observer);
registerStrings('errors', coachingErrors);
