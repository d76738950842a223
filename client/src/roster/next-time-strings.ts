// The carried "next time" lines, registered by CarriedNextTime (on the trainee's phone too).
import { registerStrings } from '../i18n/index.ts';
import { nextTime } from '../i18n/locales/next-time.ts';

registerStrings('roster', { zh: { nextTime: nextTime.zh }, en: { nextTime: nextTime.en } });
