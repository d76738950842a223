// The returning officer's desk on the console: while a vote of the electorate
// is open, the facilitator enters each returned paper ballot (flat, choice),
// corrects a mis-entered one (a logged correction, never an edit), and enters
// tallies of owners not listed by flat. The engine refuses a second ballot
// for an owner; the refusal shows here, in words.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Choice } from '../../../../shared/meeting/rules.ts';
import type { OwnerStanding } from '../../../../shared/meeting/standing.ts';
import type { AnyCommand } from '../../../../shared/protocol/messages.ts';
import type { ItemOf } from '../../../../shared/scenario/index.ts';
import type { BallotView } from '../../../../shared/views/types.ts';
import { useRefusal } from '../../connection/may-send.ts';
import { useSession } from '../../connection/session-store.ts';
import { OwnersTable } from '../../ui/OwnersTable.tsx';
import { useLocalize } from '../../ui/text.ts';

type Notice = { ok: boolean; text: string };

export function PaperBallots({
  item,
  ballot,
  seatLabel,
}: {
  item: ItemOf<'vote' | 'election'>;
  ballot: BallotView;
  seatLabel: (seat: string) => string;
}) {
  const { t, i18n } = useTranslation();
  const L = useLocalize();
  const send = useSession((s) => s.send);
  // Whether this console may enter or correct ballots now (its rights, the vote open), as the authority
  // answers; which flat and whether its owner has voted are the engine's to say, in the notice below.
  const mayEnter = useRefusal({ type: 'ballot.paper.enter', flat: '' }) === null;
  const mayCorrect = useRefusal({ type: 'ballot.paper.correct', flat: '', withdraw: true }) === null;
  const [flat, setFlat] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const flatId = useId();
  const electorate = ballot.standing?.electorate;
  if (!ballot.open || !electorate) return null;
  const num = (n: number) => n.toLocaleString(i18n.language === 'zh' ? 'zh-CN' : 'en-GB');
  const rowOf = (f: string) => electorate.owners.find((r) => r.owner.flats.includes(f));
  const label = (row: OwnerStanding | undefined, f: string) =>
    row ? `${row.owner.flats.join(t('turnout.owners.flatSep'))} ${L(row.owner.name)}` : f;

  const submit = async (command: AnyCommand, done: string): Promise<boolean> => {
    setBusy(true);
    try {
      const ack = await send(command);
      setNotice(
        ack.ok
          ? { ok: true, text: done }
          : {
              ok: false,
              text: t('turnout.paper.refused', {
                label: 'flat' in command ? label(rowOf(command.flat), command.flat) : '',
                reason: t(`errors.${ack.error.code}`, { defaultValue: ack.error.message }),
              }),
            },
      );
      if (ack.ok) {
        setFlat('');
        setChosen([]);
      }
      return ack.ok;
    } finally {
      setBusy(false);
    }
  };

  const enterVote = (choice: Choice) =>
    void submit(
      { type: 'ballot.paper.enter', flat, choice },
      t('turnout.paper.entered', { label: label(rowOf(flat), flat), choice: t(`choice.${choice}`) }),
    );
  const enterElection = () =>
    void submit(
      { type: 'ballot.paper.enter', flat, choices: chosen },
      t('turnout.paper.entered', {
        label: label(rowOf(flat), flat),
        choice: chosen.map(seatLabel).join(t('turnout.sep')) || t('turnout.owners.blank'),
      }),
    );

  const corrections = (row: OwnerStanding) => {
    const b = row.ballot;
    const first = row.owner.flats[0] ?? row.owner.id;
    if (!b || b.source === 'room' || item.kind !== 'vote') return null;
    return (
      <span className="button-row">
        {item.options
          .filter((o) => o !== b.choice)
          .map((o) => (
            <button
              key={o}
              type="button"
              disabled={busy || !mayCorrect}
              data-testid={`paper-correct-${first}-${o}`}
              onClick={() =>
                void submit(
                  { type: 'ballot.paper.correct', flat: first, choice: o },
                  t('turnout.paper.corrected', { label: label(row, first), choice: t(`choice.${o}`) }),
                )
              }
            >
              {t('turnout.paper.correctTo', { choice: t(`choice.${o}`) })}
            </button>
          ))}
        <button
          type="button"
          disabled={busy || !mayCorrect}
          data-testid={`paper-withdraw-${first}`}
          onClick={() =>
            void submit(
              { type: 'ballot.paper.correct', flat: first, withdraw: true },
              t('turnout.paper.withdrawn', { label: label(row, first) }),
            )
          }
        >
          {t('turnout.paper.withdraw')}
        </button>
      </span>
    );
  };

  return (
    <div className="fac-paper" data-testid="paper-ballots">
      <h3>{t('turnout.paper.heading')}</h3>
      <p className="hint">{t('turnout.paper.hint')}</p>
      <div className="inline-form">
        <label htmlFor={flatId}>
          <span>{t('turnout.paper.flat')}</span>
          <select id={flatId} data-testid="paper-flat" value={flat} onChange={(e) => setFlat(e.target.value)}>
            <option value="">{t('turnout.paper.pick')}</option>
            {electorate.owners.map((row) => {
              const f = row.owner.flats[0] ?? row.owner.id;
              return (
                <option key={row.owner.id} value={f}>
                  {row.ballot ? t('turnout.paper.voted', { label: label(row, f) }) : label(row, f)}
                </option>
              );
            })}
          </select>
        </label>
        {item.kind === 'vote' ? (
          <span className="button-row">
            {item.options.map((o) => (
              <button
                key={o}
                type="button"
                disabled={busy || !flat || !mayEnter}
                data-testid={`paper-enter-${o}`}
                onClick={() => enterVote(o)}
              >
                {t('turnout.paper.enter', { choice: t(`choice.${o}`) })}
              </button>
            ))}
          </span>
        ) : (
          <span className="button-row">
            {ballot.candidates.map((c) => (
              <label key={c} className="check">
                <input
                  type="checkbox"
                  checked={chosen.includes(c)}
                  onChange={(e) =>
                    setChosen((list) => (e.target.checked ? [...list, c] : list.filter((x) => x !== c)))
                  }
                />
                {seatLabel(c)}
              </label>
            ))}
            <button type="button" disabled={busy || !flat || !mayEnter} onClick={enterElection}>
              {t('turnout.paper.enterChoices', { n: chosen.length })}
            </button>
          </span>
        )}
      </div>
      {notice && (
        <p className={notice.ok ? 'hint' : 'notice'} role="status" data-testid="paper-notice">
          {notice.text}
        </p>
      )}
      {item.kind === 'vote' && electorate.unlisted.owners > 0 && (
        <TallyForm options={item.options} busy={busy} num={num} submit={submit} />
      )}
      <OwnersTable
        rows={electorate.owners}
        unlisted={electorate.unlisted}
        tallies={electorate.tallies}
        seatLabel={seatLabel}
        candidateLabel={seatLabel}
        action={corrections}
        testId="console-owners"
      />
    </div>
  );
}

function TallyForm({
  options,
  busy,
  num,
  submit,
}: {
  options: readonly Choice[];
  busy: boolean;
  num: (n: number) => string;
  submit: (command: AnyCommand, done: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<Choice>(options[0] ?? 'yes');
  const mayTally = useRefusal({ type: 'ballot.tally.enter', choice, owners: 1, area_m2: 0 }) === null;
  const [owners, setOwners] = useState('');
  const [area, setArea] = useState('');
  const ids = { choice: useId(), owners: useId(), area: useId() };
  const n = Number(owners);
  const a = Number(area);
  const valid = Number.isInteger(n) && n >= 1 && Number.isFinite(a) && a >= 0 && area !== '';
  return (
    <div className="fac-tally-form">
      <h4>{t('turnout.paper.tallyHeading')}</h4>
      <div className="inline-form">
        <label htmlFor={ids.choice}>
          <span>{t('turnout.paper.tallyChoice')}</span>
          <select id={ids.choice} value={choice} onChange={(e) => setChoice(e.target.value as Choice)}>
            {options.map((o) => (
              <option key={o} value={o}>
                {t(`choice.${o}`)}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={ids.owners}>
          <span>{t('turnout.paper.tallyOwners')}</span>
          <input
            id={ids.owners}
            inputMode="numeric"
            value={owners}
            onChange={(e) => setOwners(e.target.value)}
            data-testid="tally-owners"
          />
        </label>
        <label htmlFor={ids.area}>
          <span>{t('turnout.paper.tallyArea')}</span>
          <input
            id={ids.area}
            inputMode="decimal"
            value={area}
            onChange={(e) => setArea(e.target.value)}
            data-testid="tally-area"
          />
        </label>
        <button
          type="button"
          disabled={busy || !valid || !mayTally}
          data-testid="tally-enter"
          onClick={() =>
            void submit(
              { type: 'ballot.tally.enter', choice, owners: n, area_m2: a },
              t('turnout.paper.tallied', { choice: t(`choice.${choice}`), owners: num(n), area: num(a) }),
            ).then((ok) => {
              if (ok) {
                setOwners('');
                setArea('');
              }
            })
          }
        >
          {t('turnout.paper.tallyEnter')}
        </button>
      </div>
    </div>
  );
}
