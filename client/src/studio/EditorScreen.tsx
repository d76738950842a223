// /studio/:id — one scenario's source, checked as you type, saved as
// versions. A save names the version it was based on; when someone saved
// after it, the server refuses (studio/stale_version) and the text stays
// here, kept in the browser, with a comparison against what they saved.
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scenario } from '../../../shared/scenario/index.ts';
import type { Language } from '../../../shared/scenario/primitives.ts';
import { STUDIO_ERRORS, type StudioVersion, type VersionInfo } from '../../../shared/studio/api.ts';
import { navigate } from '../app/router.ts';
import { type CreatedSession, createSession } from '../facilitator/api.ts';
import { ApiError, downloadExport, studioApi, studioRefusal } from './api.ts';
import { DiffView } from './DiffView.tsx';
import { dropDraft, keepDraft, loadDraft } from './drafts.ts';
import { type Notice, NoticeView } from './EditorNotice.tsx';
import { IssueList } from './IssueList.tsx';
import { revealField } from './reveal-field.ts';
import { SourceEditor, type SourceEditorHandle } from './SourceEditor.tsx';
import { type StudioTab, StudioTabs } from './StudioTabs.tsx';
import { TextPairsPanel } from './TextPairsPanel.tsx';
import { VersionsPanel } from './VersionsPanel.tsx';
import { checkSource } from './validation.ts';

export function EditorScreen({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang: Language = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const [current, setCurrent] = useState<StudioVersion | null>(null);
  const [versions, setVersions] = useState<VersionInfo[]>([]);
  const [text, setText] = useState('');
  const [base, setBase] = useState(0);
  const [editorKey, setEditorKey] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [viewing, setViewing] = useState<StudioVersion | null>(null);
  const [diff, setDiff] = useState<{ title: string; before: string; after: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [started, setStarted] = useState<CreatedSession | null>(null);
  const editor = useRef<SourceEditorHandle>(null);
  const [tab, setTab] = useState<StudioTab>('source');
  const lastGood = useRef<Scenario | undefined>(undefined);

  const load = useCallback(
    (keepText: boolean) =>
      studioApi.read(id).then(
        (version) => {
          setCurrent(version);
          if (version.kind === 'studio') studioApi.versions(id).then(setVersions, () => setVersions([]));
          if (keepText) return;
          const draft = version.kind === 'studio' ? loadDraft(id) : null;
          if (draft && draft.text !== version.source) {
            setText(draft.text);
            setBase(draft.baseVersion);
            setNotice({ kind: 'info', text: t('studio.editor.draftRestored') });
          } else {
            setText(version.source);
            setBase(version.version ?? 0);
          }
          setEditorKey((k) => k + 1);
        },
        (e: Error) =>
          setNotice({ kind: 'error', text: t('studio.library.failed', { message: studioRefusal(t, e) }) }),
      ),
    [id, t],
  );
  useEffect(() => {
    void load(false);
  }, [load]);

  const deferred = useDeferredValue(text);
  const check = useMemo(() => checkSource(id, deferred, lang), [id, deferred, lang]);
  if (check.scenario) lastGood.current = check.scenario;
  const readOnly = current?.kind !== 'studio';
  const dirty = current !== null && (text !== current.source || base !== current.version);

  const onChange = (next: string) => {
    setText(next);
    if (!readOnly) keepDraft(id, { baseVersion: base, text: next });
  };

  const save = () => {
    setSaving(true);
    setNotice(null);
    studioApi
      .save(id, text, base)
      .then(
        (saved) => {
          dropDraft(id);
          setCurrent(saved);
          setBase(saved.version ?? 0);
          setNotice({
            kind: 'info',
            text:
              saved.issues.length > 0
                ? t('studio.editor.savedWithErrors', { version: saved.version, count: saved.issues.length })
                : t('studio.editor.saved', { version: saved.version }),
          });
          void load(true);
        },
        (e: Error) => {
          const details =
            e instanceof ApiError ? (e.details as { latestVersion?: number } | undefined) : undefined;
          if (e instanceof ApiError && e.code === STUDIO_ERRORS.staleVersion && details?.latestVersion)
            setNotice({ kind: 'stale', latest: details.latestVersion, base });
          else
            setNotice({
              kind: 'error',
              text: t('studio.editor.saveFailed', { message: studioRefusal(t, e) }),
            });
        },
      )
      .finally(() => setSaving(false));
  };

  const compareWith = (version: number) =>
    studioApi.read(id, version).then((old) =>
      setDiff({
        title: t('studio.versions.diffHeading', { from: version, to: t('studio.versions.editorText') }),
        before: old.source,
        after: text,
      }),
    );

  const restore = (version: number) =>
    studioApi.restore(id, version, base).then(
      () => {
        dropDraft(id);
        void load(false);
      },
      (e: Error) =>
        setNotice({ kind: 'error', text: t('studio.editor.saveFailed', { message: studioRefusal(t, e) }) }),
    );

  const startSession = () => {
    if (!current) return;
    createSession(id, current.version ?? undefined).then(setStarted, (e: Error) =>
      setNotice({ kind: 'error', text: t('studio.editor.startFailed', { message: studioRefusal(t, e) }) }),
    );
  };

  const publish = () => {
    if (current?.version == null) return;
    const version = current.version;
    studioApi.publish(id, version).then(
      () => setNotice({ kind: 'info', text: t('studio.editor.published', { version }) }),
      (e: Error) =>
        setNotice({
          kind: 'error',
          text: t('studio.editor.publishFailed', { message: studioRefusal(t, e) }),
        }),
    );
  };

  /** To a line of the source: the source tab first, then the line once the editor is there. */
  const jumpTo = (line: number, column: number) => {
    if (tab !== 'source') {
      setTab('source');
      requestAnimationFrame(() => editor.current?.goTo(line, column));
    } else editor.current?.goTo(line, column);
  };
  /** To a field of the form (`agenda[1].speakers`), or the nearest enclosing one that is shown. */
  const showField = (path: string) => {
    setTab('form');
    requestAnimationFrame(() => revealField(path));
  };

  if (!current) return <p role="status">{notice?.kind === 'error' ? notice.text : t('common.loading')}</p>;
  const canStart = !dirty && check.errors.length === 0;
  return (
    <div className="studio">
      <p>
        <a
          href="/studio"
          onClick={(e) => {
            e.preventDefault();
            navigate('/studio');
          }}
        >
          {t('studio.editor.back')}
        </a>
      </p>
      <h2>
        <code>{id}.yaml</code>{' '}
        {current.version !== null && (
          <span className="hint">
            {dirty
              ? t('studio.editor.editingBase', { version: base })
              : t('studio.editor.version', { version: current.version })}
          </span>
        )}
      </h2>
      {readOnly && (
        <p className="studio-note">
          {t('studio.editor.readOnly')}{' '}
          <button
            type="button"
            className="small"
            onClick={() =>
              studioApi.duplicate(id).then((copy) => navigate(`/studio/${encodeURIComponent(copy.id)}`))
            }
          >
            {t('studio.library.duplicate')}
          </button>
        </p>
      )}
      {notice && (
        <NoticeView
          notice={notice}
          onCompare={() => void compareWith(notice.kind === 'stale' ? notice.latest : 0)}
          onRebase={(latest) => setBase(latest)}
        />
      )}
      {!readOnly && (
        <div className="studio-actions">
          <button type="button" onClick={save} disabled={saving || !dirty}>
            {saving ? t('studio.editor.saving') : t('studio.editor.save')}
          </button>{' '}
          <button type="button" onClick={startSession} disabled={!canStart}>
            {t('studio.editor.startSession')}
          </button>{' '}
          <button type="button" onClick={publish} disabled={!canStart}>
            {t('studio.editor.publish')}
          </button>{' '}
          <button type="button" className="small" onClick={() => void downloadExport(id, current.version)}>
            {t('studio.editor.export', { file: `${id}.yaml` })}
          </button>
          {dirty && <span className="hint"> {t('studio.editor.draftKept')}</span>}
          {check.errors.length > 0 && <p className="hint">{t('studio.editor.hasErrors')}</p>}
        </div>
      )}
      {started && (
        <p role="status" className="studio-note">
          {t('studio.editor.started', { code: started.joinCode })}{' '}
          <a href={started.links.facilitator}>{t('studio.editor.openConsole')}</a>
        </p>
      )}
      <div className="studio-columns">
        <div className="studio-main">
          {viewing ? (
            <>
              <p className="studio-note">
                {t('studio.versions.viewing', { version: viewing.version })}{' '}
                <button type="button" className="small" onClick={() => setViewing(null)}>
                  {t('studio.versions.backToCurrent')}
                </button>
              </p>
              <SourceEditor
                key={`view-${viewing.version}`}
                text={viewing.source}
                readOnly
                issues={[]}
                onChange={() => {}}
                label={`${id}.yaml`}
              />
            </>
          ) : (
            <StudioTabs
              id={id}
              text={text}
              onChange={onChange}
              check={check}
              lastGood={lastGood.current}
              readOnly={readOnly}
              lang={lang}
              tab={tab}
              onTab={setTab}
              editorKey={editorKey}
              editor={editor}
              onField={showField}
            />
          )}
          {diff && <DiffView {...diff} onClose={() => setDiff(null)} />}
        </div>
        <div className="studio-side">
          <IssueList check={check} onJump={jumpTo} />
          <TextPairsPanel text={deferred} onJump={(line) => jumpTo(line, 1)} />
          {versions.length > 0 && (
            <VersionsPanel
              versions={versions}
              current={current.version}
              onView={(v) => void studioApi.read(id, v).then(setViewing)}
              onCompare={(v) => void compareWith(v)}
              onRestore={(v) => void restore(v)}
              onExport={(v) => void downloadExport(id, v)}
            />
          )}
        </div>
      </div>
    </div>
  );
}
