// The account screens' strings, registered when a chunk that uses them loads.
import { registerStrings } from '../i18n/index.ts';
import { accountErrors, accounts } from '../i18n/locales/accounts.ts';

registerStrings('accounts', accounts);
registerStrings('errors', accountErrors);
