import './strings.ts';
import './account.css';
import { useTranslation } from 'react-i18next';
import { navigate } from '../app/router.ts';
import { Shell } from '../ui/Shell.tsx';
import { homeOf, useAccount } from './api.ts';
import { SignInForm } from './SignInForm.tsx';

/** Where a page sends someone after signing in: a path on this site only. */
export function safeNext(next: string): string | null {
  return next.startsWith('/') && !next.startsWith('//') ? next : null;
}

/** /sign-in?next=… — then to `next`, or to the account's start page. */
export default function SignInPage({ next }: { next: string }) {
  const { t } = useTranslation();
  const state = useAccount();
  const already = state.status === 'ready' ? state.account : null;
  return (
    <Shell title={t('accounts.signIn.title')}>
      {already ? (
        <section className="panel account-narrow">
          <p>
            {t('accounts.bar.signedIn', { name: already.name, role: t(`accounts.roles.${already.role}`) })}
          </p>
          <a className="button primary" href={safeNext(next) ?? homeOf(already)}>
            {t('accounts.gate.goHome')}
          </a>
        </section>
      ) : (
        <SignInForm onSignedIn={(account) => navigate(safeNext(next) ?? homeOf(account))} />
      )}
    </Shell>
  );
}
