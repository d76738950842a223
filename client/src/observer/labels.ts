// Names as the single-sided screen shows them: trainees with their card, NPC
// cards, candidates, experts, competencies and agenda items, in the UI's language.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Speaker } from '../../../shared/meeting/commands.ts';
import type { Scenario } from '../../../shared/scenario/index.ts';
import type { LiveView } from '../../../shared/views/types.ts';
import { useSession } from '../connection/session-store.ts';
import { localize, shortRoleName } from '../ui/text.ts';
import { useTimeFormat } from '../ui/time.ts';

export interface Labels {
  role(roleId: string | null | undefined): string;
  /** "王敏（居委会书记）", or the bare name before a card is taken. */
  participant(id: string): string;
  speaker(speaker: Speaker): string;
  /** Election candidates are seats, or `npc:<roleId>` for a listed NPC card. */
  candidate(id: string): string;
  /** The candidate's card name without its description: "王秀英" for "王秀英（候选人，5号楼楼组长）". */
  candidateShort(id: string): string;
  observer(id: string): string;
  competency(id: string): string;
  item(itemId: string | null | undefined): string;
  time(at: number): string;
}

/** What names are made of, one string per person: a mood or presence changing leaves it equal. */
const namesKey = (live: LiveView | undefined) =>
  JSON.stringify(live?.participants.map((p) => [p.id, p.name, p.roleId, p.playedBy ?? null]) ?? []);

/** Names for this screen; re-renders only when a name, card or expert changes. */
export function useLabels(scenario: Scenario): Labels {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const times = useTimeFormat();
  const names = useSession((s) => namesKey(s.live));
  const observers = useSession((s) => s.live?.coaching?.observers);
  return useMemo(() => {
    const roles = new Map(scenario.roles.map((r) => [r.id, r]));
    const people = new Map(
      (JSON.parse(names) as [string, string, string | null, string | null][]).map(
        ([id, name, roleId, playedBy]) => [id, { name, roleId, playedBy: playedBy ?? undefined }],
      ),
    );
    const role = (roleId: string | null | undefined) => {
      const found = roleId ? roles.get(roleId) : undefined;
      return found ? localize(found.name, lang) : '';
    };
    const participant = (id: string) => {
      const p = people.get(id);
      if (!p) return t('observer.unknownParticipant');
      const card = role(p.roleId);
      if (p.playedBy !== undefined) return t('observer.played.name', { card, name: p.name });
      return card ? t('observer.nameWithCard', { name: p.name, card }) : p.name;
    };
    return {
      role,
      participant,
      speaker: (s) => (s.kind === 'npc' ? role(s.roleId) : participant(s.id)),
      candidate: (id) => (id.startsWith('npc:') ? role(id.slice(4)) : participant(id)),
      candidateShort: (id) => {
        const card = role(id.startsWith('npc:') ? id.slice(4) : people.get(id)?.roleId);
        return card ? shortRoleName(card) : participant(id);
      },
      observer: (id) =>
        id === 'facilitator'
          ? t('observer.facilitatorName')
          : (observers?.[id]?.name ?? t('observer.unknownObserver')),
      competency: (id) => {
        const c = scenario.rubric.competencies.find((x) => x.id === id);
        return c ? localize(c.title, lang) : id;
      },
      item: (itemId) => {
        const index = scenario.agenda.findIndex((i) => i.id === itemId);
        const found = scenario.agenda[index];
        return found ? `${index + 1}. ${localize(found.title, lang)}` : '';
      },
      time: times.timeWithSeconds,
    } satisfies Labels;
  }, [scenario, names, observers, lang, t, times]);
}

/** Trainees who hold a card: the people being coached and scored (not the cards experts play). */
export const seated = (live: Pick<LiveView, 'participants'>) =>
  live.participants.filter((p) => p.roleId !== null && p.playedBy === undefined);

/** Every card in the meeting, trainees' and experts' alike: who speaks and votes. */
export const cardHolders = (live: Pick<LiveView, 'participants'>) =>
  live.participants.filter((p) => p.roleId !== null);
