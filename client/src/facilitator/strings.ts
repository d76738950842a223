// The facilitator screens' strings, registered when this chunk loads.
import { registerStrings } from '../i18n/index.ts';
import { coachingErrors } from '../i18n/locales/coaching.ts';
import { facilitator } from '../i18n/locales/facilitator.ts';

registerStrings('facilitator', facilitator);
registerStrings('errors', coachingErrors);
