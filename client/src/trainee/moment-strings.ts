// The strings of the ballot, the election and the end of the meeting,
// registered by those screens' own chunks when they load (merged into "trainee.").
import { registerStrings } from '../i18n/index.ts';
import { traineeMoments } from '../i18n/locales/trainee-moments.ts';

registerStrings('trainee', traineeMoments);
