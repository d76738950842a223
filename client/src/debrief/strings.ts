// The debrief screens' strings, registered when this chunk loads.
import './link-strings.ts';
import { registerStrings } from '../i18n/index.ts';
import { coachingErrors } from '../i18n/locales/coaching.ts';
import { debrief } from '../i18n/locales/debrief.ts';

registerStrings('debrief', debrief);
registerStrings('errors', coachingErrors);
