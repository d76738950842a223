// Names as the meeting knows them: the card first (that is who speaks in the
// scene), then the trainee holding it — "陈国华（101室业主）· 张丽".
import { useTranslation } from 'react-i18next';
import type { Speaker } from '../../../shared/meeting/commands.ts';
import { roleName } from '../ui/text.ts';
import { useTrainee } from './context.ts';

export function useSpeakerName(): (speaker: Speaker) => string {
  const { i18n } = useTranslation();
  const { live, staticView } = useTrainee();
  return (speaker) => {
    if (speaker.kind === 'npc') return roleName(staticView, speaker.roleId, i18n.language);
    const participant = live.participants.find((p) => p.id === speaker.id);
    if (!participant) return '';
    const card = roleName(staticView, participant.roleId, i18n.language);
    // A card an expert plays has no name in the room: the card alone.
    return [card, participant.name].filter(Boolean).join(' · ');
  };
}

/** A candidate id: a seat, or "npc:<roleId>" for an NPC card. */
export function useCandidateName(): (id: string) => string {
  const name = useSpeakerName();
  return (id) =>
    (id.startsWith('npc:')
      ? name({ kind: 'npc', roleId: id.slice(4) })
      : name({ kind: 'participant', id })) || id;
}
