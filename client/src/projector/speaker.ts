// Small helpers the projector's parts share: names as the room knows them, and frozen clocks.
import { useTranslation } from 'react-i18next';
import type { Speaker } from '../../../shared/meeting/commands.ts';
import { useSession } from '../connection/session-store.ts';
import { participantName, roleName } from '../ui/text.ts';

/** A speaker as two lines: the person, and the card they hold. */
export function useSpeaker(): (s: Speaker) => { name: string; card: string } {
  const { i18n } = useTranslation();
  const live = useSession((s) => s.live);
  const view = useSession((s) => s.static);
  return (s) => {
    if (s.kind === 'npc') return { name: roleName(view, s.roleId, i18n.language), card: '' };
    const roleId = live?.participants.find((p) => p.id === s.id)?.roleId;
    const card = roleName(view, roleId, i18n.language);
    const name = participantName(live, s.id);
    // A card an expert plays has no name in the room: it shows as its card, like an NPC.
    return name ? { name, card } : { name: card, card: '' };
  };
}
