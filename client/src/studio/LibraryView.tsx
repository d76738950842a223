import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_KINDS } from '../../../shared/scenario/schema.ts';
import type { StudioScenarioSummary } from '../../../shared/studio/api.ts';
import { navigate } from '../app/router.ts';
import { useLocalize } from '../ui/text.ts';
import { studioApi, studioRefusal } from './api.ts';

/** /studio: the shipped files and the stored scenarios; duplicate, start from a template, import. */
export function LibraryView() {
  const { t } = useTranslation();
  const L = useLocalize();
  const [rows, setRows] = useState<StudioScenarioSummary[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [kind, setKind] = useState<string>(MEETING_KINDS[0]);
  const reload = useCallback(() => {
    studioApi
      .list()
      .then(setRows, (e: Error) => setMessage(t('studio.library.failed', { message: studioRefusal(t, e) })));
  }, [t]);
  useEffect(reload, [reload]);
  const act = (run: () => Promise<unknown>, then?: (value: unknown) => void) => {
    setMessage(null);
    run().then(
      (value) => (then ? then(value) : reload()),
      (e: Error) => setMessage(t('studio.library.failed', { message: studioRefusal(t, e) })),
    );
  };
  const openNew = (value: unknown) => navigate(`/studio/${encodeURIComponent((value as { id: string }).id)}`);
  const importFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const texts = await Promise.all([...files].map(async (f) => ({ name: f.name, text: await f.text() })));
    act(
      () => studioApi.import(texts),
      (value) => {
        setMessage(t('studio.library.imported', { count: (value as unknown[]).length }));
        reload();
      },
    );
  };
  return (
    <div className="studio-library">
      <p>
        <a href="/facilitator">{t('studio.library.back')}</a>
      </p>
      <h2>{t('studio.library.heading')}</h2>
      <p className="hint">{t('studio.library.intro')}</p>
      <div className="studio-actions">
        <label>
          {t('studio.library.newFrom')}{' '}
          <select value={kind} onChange={(e) => setKind(e.target.value)}>
            {MEETING_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`studio.meeting.${k}`)}
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="button" onClick={() => act(() => studioApi.fromTemplate(kind), openNew)}>
          {t('studio.library.create')}
        </button>{' '}
        <label className="studio-import">
          {t('studio.library.import')}{' '}
          <input
            type="file"
            accept=".yaml,.yml"
            multiple
            onChange={(e) => void importFiles(e.target.files)}
          />
        </label>
      </div>
      {message && <p role="status">{message}</p>}
      <ul className="studio-rows">
        {(rows ?? []).map((row) => (
          <li key={row.id} className={row.archived ? 'archived' : undefined}>
            <strong>{row.title ? L(row.title) : t('studio.library.noTitle')}</strong>{' '}
            {row.meeting && <span className="hint">{t(`studio.meeting.${row.meeting}`)}</span>}{' '}
            <span className="tag">
              {row.kind === 'shipped'
                ? t('studio.library.shipped')
                : row.archived
                  ? t('studio.library.archived')
                  : row.publishedVersion !== null
                    ? t('studio.library.published', { version: row.publishedVersion })
                    : t('studio.library.draft')}
            </span>
            {row.latest && (
              <span className="hint"> · {t('studio.editor.version', { version: row.latest.version })}</span>
            )}
            {row.sessions > 0 && (
              <span className="hint"> · {t('studio.library.sessions', { count: row.sessions })}</span>
            )}
            <div className="studio-row-actions">
              <a href={`/studio/${encodeURIComponent(row.id)}`}>{t('studio.library.open')}</a>{' '}
              <button
                type="button"
                className="small"
                onClick={() => act(() => studioApi.duplicate(row.id), openNew)}
              >
                {t('studio.library.duplicate')}
              </button>
              {row.kind === 'studio' && (
                <>
                  {' '}
                  <button
                    type="button"
                    className="small"
                    onClick={() => act(() => studioApi.archive(row.id, !row.archived))}
                  >
                    {row.archived ? t('studio.library.unarchive') : t('studio.library.archive')}
                  </button>
                  {row.sessions === 0 && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="small"
                        onClick={() => act(() => studioApi.remove(row.id))}
                      >
                        {t('studio.library.delete')}
                      </button>
                    </>
                  )}
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
