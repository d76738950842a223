// The links into the debrief and the "next time" card's strings, registered
// by whichever chunk shows them first (merged into "debrief." beside the rest).
import { registerStrings } from '../i18n/index.ts';
import { debriefLinks } from '../i18n/locales/debrief-links.ts';

registerStrings('debrief', debriefLinks);
