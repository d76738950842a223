// The roster work's strings (release, roster, joining, portfolio), registered when a chunk that uses them loads.
import { registerStrings } from '../i18n/index.ts';
import { roster } from '../i18n/locales/roster.ts';

registerStrings('roster', roster);
