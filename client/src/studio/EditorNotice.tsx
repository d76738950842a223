// What the editor tells the instructor above the text: a note, an error, or
// that someone saved after the version being edited, with the way out
// (compare with theirs, or take it as the new base).
import { useTranslation } from 'react-i18next';

export type Notice =
  | { kind: 'info'; text: string }
  | { kind: 'error'; text: string }
  | { kind: 'stale'; latest: number; base: number };

export function NoticeView({
  notice,
  onCompare,
  onRebase,
}: {
  notice: Notice;
  onCompare(): void;
  onRebase(latest: number): void;
}) {
  const { t } = useTranslation();
  if (notice.kind !== 'stale')
    return (
      <p
        role={notice.kind === 'error' ? 'alert' : 'status'}
        className={notice.kind === 'error' ? 'studio-bad' : 'studio-note'}
      >
        {notice.text}
      </p>
    );
  return (
    <div role="alert" className="studio-bad">
      <p>{t('studio.editor.stale', { latest: notice.latest, base: notice.base })}</p>
      <button type="button" className="small" onClick={onCompare}>
        {t('studio.editor.compareLatest', { latest: notice.latest })}
      </button>{' '}
      <button type="button" className="small" onClick={() => onRebase(notice.latest)}>
        {t('studio.editor.rebase', { latest: notice.latest })}
      </button>
    </div>
  );
}
