import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { may } from '../../../shared/access/rights.ts';
import { debriefFileName, sessionRecordFileName } from '../../../shared/export/file-names.ts';
import { useSession } from '../connection/session-store.ts';
import { langOf } from '../ui/text.ts';
import { download } from './access.ts';
import { useDebrief } from './context.ts';

/** The report as Markdown (per session or per trainee, zh or en), printing, and the facilitator's JSON. */
export function Exports() {
  const { t, i18n } = useTranslation();
  const { sessionId, view, audience, bearer, scenario } = useDebrief();
  const [participant, setParticipant] = useState('');
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const selectId = useId();
  const base = `/api/sessions/${encodeURIComponent(sessionId)}`;
  // The full export is the session's runners' (a read-only instructor's console has the debrief only).
  const access = useSession((s) => s.welcome?.access);
  const mayExport =
    audience === 'facilitator' && (!access || may(access.principal, 'session.export', access.session));

  const fetchFile = async (path: string, name: string) => {
    setState('busy');
    try {
      await download(`${base}/${path}`, bearer, name);
      setState('idle');
    } catch {
      setState('failed');
    }
  };
  // The server names the file (the day too); these are the same names without it, should a header be lost.
  const markdown = (lang: 'zh' | 'en') => {
    const query = new URLSearchParams({ lang, ...(participant && { participant }) });
    const who = view.participants.find((p) => p.id === participant)?.name;
    void fetchFile(
      `export.md?${query}`,
      debriefFileName({ lang, title: scenario.title[lang], ...(who && { who }) }),
    );
  };
  const uiLang = langOf(i18n.language);

  return (
    <div className="db-exports">
      {audience !== 'trainee' && (
        <div className="db-export-who">
          <label htmlFor={selectId}>
            <span>{t('debrief.export.who')}</span>
          </label>
          <select
            id={selectId}
            value={participant}
            onChange={(e) => setParticipant(e.target.value)}
            data-testid="export-trainee-select"
          >
            <option value="">{t('debrief.export.everyone')}</option>
            {view.participants
              .filter((p) => p.standIn === undefined)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
          </select>
        </div>
      )}
      <div className="button-row">
        <button
          type="button"
          className="small"
          disabled={state === 'busy'}
          onClick={() => markdown('zh')}
          data-testid="export-md-zh"
        >
          {t('debrief.export.mdZh')}
        </button>
        <button
          type="button"
          className="small"
          disabled={state === 'busy'}
          onClick={() => markdown('en')}
          data-testid="export-md-en"
        >
          {t('debrief.export.mdEn')}
        </button>
        {mayExport && (
          <button
            type="button"
            className="small"
            disabled={state === 'busy'}
            onClick={() =>
              void fetchFile(
                `export.json?lang=${uiLang}`,
                sessionRecordFileName({ lang: uiLang, title: scenario.title[uiLang] }),
              )
            }
            data-testid="export-json"
          >
            {t('debrief.export.json')}
          </button>
        )}
        <button type="button" className="small" onClick={() => window.print()} data-testid="print">
          {t('debrief.export.print')}
        </button>
      </div>
      <p className="db-export-status" role="status">
        {state === 'busy' ? t('debrief.export.busy') : state === 'failed' ? t('debrief.export.failed') : ''}
      </p>
    </div>
  );
}
