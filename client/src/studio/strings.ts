// The studio's strings, registered when this chunk loads. The trainee's
// strings come with the trainee chunk the previews load (trainee-kit.ts).
import { registerStrings } from '../i18n/index.ts';
import { studio } from '../i18n/locales/studio.ts';
import { studioForm } from '../i18n/locales/studio-form.ts';

registerStrings('studio', studio);
registerStrings('studioForm', studioForm);
