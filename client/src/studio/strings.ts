// The studio's strings, registered when this chunk loads; the trainee's too,
// for the role card preview drawn with the trainee screen's own components.
import { registerStrings } from '../i18n/index.ts';
import { studio } from '../i18n/locales/studio.ts';
import { studioForm } from '../i18n/locales/studio-form.ts';
import '../trainee/strings.ts';

registerStrings('studio', studio);
registerStrings('studioForm', studioForm);
