// Names as the meeting knows them: the card first (that is who speaks in the
// scene), then the trainee holding it — "陈国华（101室业主）· 张丽".
import { useTranslation } from 'react-i18next';
import type { Speaker } from '../../../shared/meeting/commands.ts';
import { candidateSpeaker, characterName } from '../ui/text.ts';
import { useTrainee } from './context.ts';

export function useSpeakerName(): (speaker: Speaker) => string {
  const { i18n } = useTranslation();
  const { live, staticView } = useTrainee();
  return (speaker) => characterName(speaker, live, staticView, i18n.language);
}

/** A candidate id: a seat, or "npc:<roleId>" for an NPC card. */
export function useCandidateName(): (id: string) => string {
  const name = useSpeakerName();
  return (id) => name(candidateSpeaker(id));
}
