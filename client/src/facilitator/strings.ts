// The facilitator screens' strings, registered when this chunk loads.
import { registerStrings } from '../i18n/index.ts';
import { facilitator } from '../i18n/locales/facilitator.ts';

registerStrings('facilitator', facilitator);
