// The trainee screens' strings, registered when this chunk loads.
import { registerStrings } from '../i18n/index.ts';
import { traineeCoachingErrors } from '../i18n/locales/coaching.ts';
import { trainee } from '../i18n/locales/trainee.ts';

registerStrings('trainee', trainee);
registerStrings('errors', traineeCoachingErrors);
