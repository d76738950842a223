// What every debrief component reads: the debrief view and the attempt on
// show, the scenario as this viewer may read it, who is looking, and the
// helpers that turn ids into names and numbers into the reader's language.
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttemptDebrief, DebriefView } from '../../../shared/debrief/build.ts';
import { commandInWords } from '../../../shared/debrief/command-words.ts';
import { seatName } from '../../../shared/debrief/names.ts';
import type { Speaker } from '../../../shared/meeting/commands.ts';
import type { LocalText } from '../../../shared/scenario/primitives.ts';
import type { Scenario } from '../../../shared/scenario/types.ts';
import type { PublicScenario } from '../../../shared/views/scenario-public.ts';
import type { LiveView } from '../../../shared/views/types.ts';
import { localize } from '../ui/text.ts';
import { useTimeFormat } from '../ui/time.ts';

export type Audience = 'trainee' | 'observer' | 'facilitator';

export interface Debrief {
  sessionId: string;
  view: DebriefView;
  attempt: AttemptDebrief;
  scenario: Scenario | PublicScenario;
  /** The full scenario (observers and the facilitator only). */
  full: Scenario | undefined;
  audience: Audience;
  /** The token the exports are fetched with. */
  bearer: string;
  live: LiveView | undefined;
  /** The trainee's own participant id, in a trainee's debrief. */
  me: string | undefined;
  setAttempt(attempt: number): void;
  /** Asks the server for the debrief again (after adding a plan item). */
  refresh(): void;
}

export const DebriefContext = createContext<Debrief | null>(null);

export function useDebrief(): Debrief {
  const value = useContext(DebriefContext);
  if (!value) throw new Error('useDebrief outside DebriefApp');
  return value;
}

export const locale = (lang: string) => (lang.startsWith('zh') ? 'zh-CN' : 'en-GB');

/** Numbers, times and durations in the reader's language. */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const loc = locale(i18n.language);
  // The server's zone, as in the minutes: the same hour wherever the browser is.
  const times = useTimeFormat();
  return {
    /** "09:42:05". */
    time: times.timeWithSeconds,
    /** "2分15秒" / "2 min 15 s". */
    duration: (ms: number) => {
      if (ms > 0 && ms < 1000) return t('debrief.fmt.underSecond');
      const total = Math.round(Math.max(0, ms) / 1000);
      const minutes = Math.floor(total / 60);
      const seconds = total % 60;
      if (minutes === 0) return t('debrief.fmt.seconds', { seconds });
      return seconds === 0
        ? t('debrief.fmt.wholeMinutes', { minutes })
        : t('debrief.fmt.minutes', { minutes, seconds });
    },
    num: (n: number, digits = 1) => n.toLocaleString(loc, { maximumFractionDigits: digits }),
    /** 0.75 → "75%". */
    pct: (x: number) => x.toLocaleString(loc, { style: 'percent', maximumFractionDigits: 0 }),
  };
}

/** Ids as people read them: trainees, cards, NPCs, competencies, agenda items, injects, experts. */
export function useNames() {
  const { t, i18n } = useTranslation();
  const { view, attempt, scenario, full, live } = useDebrief();
  const local = (text: LocalText | undefined) => localize(text, i18n.language);
  // A card an expert played: "专家李老师" / "an expert" (a trainee's copy names no expert).
  const person = (id: string) => {
    const p = view.participants.find((x) => x.id === id);
    return p ? seatName(p, i18n.language.startsWith('zh') ? 'zh' : 'en') : id;
  };
  const role = (roleId: string | null | undefined) =>
    local(scenario.roles.find((r) => r.id === roleId)?.name) || (roleId ?? '');
  const withCard = (id: string) => {
    const card = attempt.cards[id];
    return card ? t('debrief.nameWithCard', { name: person(id), card: role(card) }) : person(id);
  };
  const injectTitle = (id: string): string => {
    const fromScenario = full?.injects.find((i) => i.id === id)?.title;
    if (fromScenario) return local(fromScenario);
    const entry = attempt.timeline.find((e) => e.type === 'inject.fire' && e.data.injectId === id);
    return local(entry?.data.title as LocalText | undefined) || id;
  };
  return {
    local,
    person,
    role,
    withCard,
    speaker: (speaker: Speaker) => (speaker.kind === 'npc' ? role(speaker.roleId) : withCard(speaker.id)),
    competency: (id: string) => local(scenario.rubric.competencies.find((c) => c.id === id)?.title) || id,
    item: (id: string | null) => local(scenario.agenda.find((i) => i.id === id)?.title) || (id ?? ''),
    itemIndex: (id: string | null) => scenario.agenda.findIndex((i) => i.id === id) + 1,
    injectTitle,
    observer: (id: string | undefined) => {
      if (!id) return t('debrief.anExpert');
      if (id === 'facilitator') return t('debrief.facilitator');
      return live?.coaching?.observers[id]?.name ?? t('debrief.anExpert');
    },
    command: (type: string) => commandInWords(type, i18n.language.startsWith('zh') ? 'zh' : 'en'),
  };
}

export type Names = ReturnType<typeof useNames>;

/** Trainees who held a card in the attempt on show (the people the debrief is about; not the cards experts played). */
export function useTrainees(): { id: string; name: string }[] {
  const { view, attempt, me } = useDebrief();
  return view.participants.filter((p) =>
    me ? p.id === me : attempt.cards[p.id] != null && p.standIn === undefined,
  );
}

/** Attempts that have begun: a retake's fresh lobby has no figures to compare yet. */
export function startedAttempts(view: DebriefView): number[] {
  return view.attempts.filter((a) => a.record.startedAt !== undefined).map((a) => a.attempt);
}
