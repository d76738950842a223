// Staged release from the console: the trainees see the experts' scores and
// "next time" items of the attempts so far only after this button.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../roster/strings.ts';
import { errorWords } from '../../account/messages.ts';
import { releaseScores } from '../api.ts';

export function ReleaseScores({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const [released, setReleased] = useState<number | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <>
      <button
        type="button"
        disabled={busy}
        data-testid="release-scores"
        onClick={async () => {
          setBusy(true);
          setError('');
          try {
            setReleased((await releaseScores(sessionId)).throughAttempt);
          } catch (e) {
            setError(errorWords(t, e));
          } finally {
            setBusy(false);
          }
        }}
      >
        {released === null ? t('roster.release.button') : t('roster.release.again')}
      </button>
      {released !== null && (
        <span role="status" data-testid="scores-released">
          {t('roster.release.done', { n: released })}
        </span>
      )}
      {error && <span role="alert">{t('roster.release.failed', { message: error })}</span>}
    </>
  );
}
