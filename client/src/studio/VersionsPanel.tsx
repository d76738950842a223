import { useTranslation } from 'react-i18next';
import type { VersionInfo } from '../../../shared/studio/api.ts';
import { useTimeFormat } from '../ui/time.ts';

interface Props {
  versions: VersionInfo[];
  current: number | null;
  onView(version: number): void;
  onCompare(version: number): void;
  onRestore(version: number): void;
  onExport(version: number): void;
}

/** Every saved version: who and when, errors, sessions; view, compare with the editor, restore, export. */
export function VersionsPanel({ versions, current, onView, onCompare, onRestore, onExport }: Props) {
  const { t } = useTranslation();
  const time = useTimeFormat();
  return (
    <section className="studio-panel" aria-labelledby="studio-versions">
      <h2 id="studio-versions">{t('studio.versions.heading')}</h2>
      <ol className="studio-versions">
        {versions.map((v) => (
          <li key={v.version}>
            <strong>{t('studio.editor.version', { version: v.version })}</strong>
            {v.version === current && <span className="tag"> {t('studio.versions.current')}</span>}{' '}
            <span className="hint">
              {t('studio.versions.by', {
                author: v.author.kind === 'account' ? v.author.name : t('studio.versions.instructor'),
                time: time.dateTime(v.savedAt),
              })}
              {v.issueCount > 0 && ` · ${t('studio.versions.errors', { count: v.issueCount })}`}
              {v.sessions > 0 && ` · ${t('studio.versions.sessions', { count: v.sessions })}`}
            </span>
            <div className="studio-row-actions">
              <button type="button" className="small" onClick={() => onView(v.version)}>
                {t('studio.versions.open')}
              </button>{' '}
              <button type="button" className="small" onClick={() => onCompare(v.version)}>
                {t('studio.versions.compare')}
              </button>{' '}
              {v.version !== current && (
                <>
                  <button type="button" className="small" onClick={() => onRestore(v.version)}>
                    {t('studio.versions.restore')}
                  </button>{' '}
                </>
              )}
              <button type="button" className="small" onClick={() => onExport(v.version)}>
                {t('studio.editor.export', { file: 'YAML' })}
              </button>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
