// Joining a rehearsal: the code (from the QR link or typed), a name, and a
// seat from the server. A seat kept on this device can be taken up again.
// When the session has a cohort, a trainee picks their masked name and gives
// their personal code instead (a badge's QR link fills both); guests still
// type a name. No library here: this page is within the phone's budget.
import './strings.ts';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MaskedMember, parseBadgeFragment } from '../../../shared/roster/badge-link.ts';
import { HeadlessClient } from '../../headless/client.ts';
import { navigate } from '../app/router.ts';
import { loadSeat, type StoredSeat, saveSeat } from '../app/seat-storage.ts';
import { Shell } from '../ui/Shell.tsx';
import './trainee.css';

const CODE_PATTERN = /^[A-Z0-9]{4,16}$/;

/** A JSON POST; an error answer throws with its body's error as `data`, as requestSeat does. */
async function post<T>(path: string, body: unknown): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await res.json().catch(() => ({}));
  if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { data: answer.error });
  return answer as T;
}

export default function JoinPage({ code }: { code: string }) {
  const { t } = useTranslation();
  const [stored] = useState<StoredSeat | null>(loadSeat);
  const [joinCode, setJoinCode] = useState(code.trim().toUpperCase());
  const [name, setName] = useState(stored?.name ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: 'code' | 'name' | 'personal' | null; text: string } | null>(
    null,
  );
  const errorId = useId();
  const [badge] = useState(() => parseBadgeFragment(location.hash));
  // The personal code rode in the fragment: once read, out of the address bar and the history.
  useEffect(() => {
    if (badge) history.replaceState(history.state, '', location.pathname + location.search);
  }, [badge]);
  const [members, setMembers] = useState<MaskedMember[]>([]);
  /** The person picked on the list; '' for a guest who types a name. */
  const [chosen, setChosen] = useState<string | null>(null);
  const [personal, setPersonal] = useState('');
  const cleanCode = joinCode.replace(/\s+/g, '').toUpperCase();
  const asPerson = members.length > 0 && chosen !== '';

  useEffect(() => {
    setMembers([]);
    if (!CODE_PATTERN.test(cleanCode)) return;
    let current = true;
    post<{ people: MaskedMember[] }>('/api/join/cohort', { code: cleanCode })
      .then(({ people }) => {
        if (!current) return;
        setMembers(people);
        if (badge && people.some((p) => p.personId === badge.personId)) {
          setChosen(badge.personId);
          setPersonal(badge.personalCode);
        }
      })
      .catch(() => {});
    return () => {
      current = false;
    };
  }, [cleanCode, badge]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const cleanName = name.trim();
    if (!CODE_PATTERN.test(cleanCode)) return setError({ field: 'code', text: t('trainee.join.badCode') });
    if (asPerson && !chosen) return setError({ field: 'personal', text: t('trainee.join.pickSomeone') });
    if (asPerson && !/^[0-9]{6}$/.test(personal))
      return setError({ field: 'personal', text: t('trainee.join.badPersonalCode') });
    if (!asPerson && !cleanName) return setError({ field: 'name', text: t('trainee.join.noName') });
    setBusy(true);
    setError(null);
    try {
      const seat = asPerson
        ? await post<{ sessionId: string; participantId: string; resumeToken: string; name: string }>(
            '/api/join/person',
            { code: cleanCode, personId: chosen, personalCode: personal },
          )
        : { ...(await HeadlessClient.requestSeat(location.origin, cleanCode, cleanName)), name: cleanName };
      saveSeat({ ...seat, code: cleanCode });
      navigate('/session');
    } catch (failure) {
      const data = (
        failure as { data?: { code: string; details?: { triesLeft?: number; retryAfterMs?: number } } }
      ).data;
      const text = !data
        ? t('trainee.join.offline')
        : data.code === 'roster/wrong_code'
          ? t('trainee.join.triesLeft', { count: data.details?.triesLeft ?? 0 })
          : data.code === 'roster/person_locked'
            ? t('trainee.join.locked', { minutes: Math.ceil((data.details?.retryAfterMs ?? 0) / 60_000) })
            : t(`errors.${data.code}`, { defaultValue: t('trainee.join.failed') });
      setError({
        field:
          data?.code === 'session/not_found' ? 'code' : data?.code.startsWith('roster/') ? 'personal' : null,
        text,
      });
      setBusy(false);
    }
  };

  return (
    <Shell title={t('trainee.join.title')}>
      <div className="tr-trainee-join">
        {stored && (
          <section className="panel" aria-labelledby="resume-heading">
            <h2 id="resume-heading">{t('trainee.join.resumeHeading')}</h2>
            <p className="hint">{t('trainee.join.resumeHint')}</p>
            <button type="button" className="primary tr-wide-button" onClick={() => navigate('/session')}>
              {stored.name ? t('trainee.join.continueAs', { name: stored.name }) : t('trainee.join.continue')}
            </button>
          </section>
        )}
        <section className="panel" aria-labelledby="join-heading">
          <h2 id="join-heading">{stored ? t('trainee.join.newHeading') : t('trainee.join.heading')}</h2>
          <form className="stack" onSubmit={submit} noValidate>
            <label>
              <span>{t('home.code')}</span>
              <input
                data-testid="join-code-input"
                className="tr-code-input"
                value={joinCode}
                onChange={(e) => setJoinCode(e.target.value.toUpperCase())}
                autoCapitalize="characters"
                autoComplete="off"
                autoCorrect="off"
                spellCheck={false}
                maxLength={16}
                aria-invalid={error?.field === 'code'}
                aria-describedby={`${errorId}-code-hint${error ? ` ${errorId}` : ''}`}
                required
              />
              <small id={`${errorId}-code-hint`} className="hint">
                {t('home.codeHint')}
              </small>
            </label>
            {asPerson && (
              <fieldset className="stack" data-testid="join-people">
                <legend>{t('trainee.join.listHeading')}</legend>
                <small className="hint">{t('trainee.join.listHint')}</small>
                {members.map((m) => (
                  <label key={m.personId} className="choice">
                    <input
                      type="radio"
                      name="person"
                      checked={chosen === m.personId}
                      onChange={() => setChosen(m.personId)}
                    />
                    <span>
                      {m.masked}
                      {m.community && ` · ${m.community}`}
                    </span>
                  </label>
                ))}
                <label>
                  <span>{t('trainee.join.personalCode')}</span>
                  <input
                    data-testid="join-personal-code"
                    className="tr-code-input"
                    value={personal}
                    onChange={(e) => setPersonal(e.target.value.replace(/[^0-9]/g, ''))}
                    inputMode="numeric"
                    autoComplete="off"
                    maxLength={6}
                    aria-invalid={error?.field === 'personal'}
                    aria-describedby={`${errorId}-pc-hint${error ? ` ${errorId}` : ''}`}
                  />
                  <small id={`${errorId}-pc-hint`} className="hint">
                    {t('trainee.join.personalCodeHint')}
                  </small>
                </label>
                <button type="button" className="link-button" onClick={() => setChosen('')}>
                  {t('trainee.join.guest')}
                </button>
              </fieldset>
            )}
            {!asPerson && (
              <label>
                <span>{t('trainee.join.name')}</span>
                <input
                  data-testid="join-name-input"
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  autoComplete="name"
                  maxLength={40}
                  aria-invalid={error?.field === 'name'}
                  aria-describedby={`${errorId}-name-hint${error ? ` ${errorId}` : ''}`}
                  required
                />
                <small id={`${errorId}-name-hint`} className="hint">
                  {t('trainee.join.nameHint')}
                </small>
              </label>
            )}
            {error && (
              <p id={errorId} className="tr-form-error" role="alert">
                {error.text}
              </p>
            )}
            <button
              data-testid="join-submit"
              type="submit"
              className="primary tr-wide-button"
              disabled={busy}
            >
              {busy ? t('home.joining') : t('home.join')}
            </button>
          </form>
        </section>
      </div>
    </Shell>
  );
}
