// Scenario text in the UI's language, and names as the room knows them.
import { useTranslation } from 'react-i18next';
import type { Speaker } from '../../../shared/meeting/commands.ts';
import type { LocalText } from '../../../shared/scenario/primitives.ts';
import type { LiveView, StaticView } from '../../../shared/views/types.ts';

/** The UI's language as the server's downloads and scenario texts name it (Chinese unless English). */
export const langOf = (language: string): 'zh' | 'en' => (language.startsWith('en') ? 'en' : 'zh');

export function localize(text: LocalText | undefined, lang: string): string {
  if (!text) return '';
  return lang.startsWith('zh') ? text.zh : text.en;
}

/** `L(text)` in the current language. */
export function useLocalize(): (text: LocalText | undefined) => string {
  const { i18n } = useTranslation();
  return (text) => localize(text, i18n.language);
}

export function roleName(
  staticView: StaticView | undefined,
  roleId: string | null | undefined,
  lang: string,
): string {
  const role = staticView?.scenario.roles.find((r) => r.id === roleId);
  return role ? localize(role.name, lang) : '';
}

/** A card's name without its closing description: "王秀英" for "王秀英（候选人，5号楼楼组长）". */
export function shortRoleName(name: string): string {
  return name.replace(/\s*[（(][^（(]*[)）]\s*$/, '') || name;
}

/** "张丽（王敏（居委会书记））" for a trainee; the card alone for an NPC or a card an expert plays (no name). */
export function speakerName(
  speaker: Speaker,
  live: LiveView | undefined,
  staticView: StaticView | undefined,
  lang: string,
): string {
  if (speaker.kind === 'npc') return roleName(staticView, speaker.roleId, lang);
  const participant = live?.participants.find((p) => p.id === speaker.id);
  if (!participant) return '';
  const card = roleName(staticView, participant.roleId, lang);
  if (!participant.name) return card;
  return card ? `${participant.name}（${card}）` : participant.name;
}

/**
 * A seat's name; '' for an id the view does not know (an id is never shown).
 * A card an expert plays has none in the room's view: given the static view,
 * it is named by its card, as the room knows it.
 */
export function participantName(
  live: LiveView | undefined,
  id: string,
  staticView?: StaticView,
  lang = 'zh',
): string {
  const p = live?.participants.find((x) => x.id === id);
  if (!p) return '';
  return p.name || roleName(staticView, p.roleId, lang);
}

/**
 * The character first, then the trainee playing it — "陈国华（101室业主）· 张丽":
 * who speaks or stands in the scene. An NPC card is its name alone.
 */
export function characterName(
  speaker: Speaker,
  live: LiveView | undefined,
  staticView: StaticView | undefined,
  lang: string,
): string {
  if (speaker.kind === 'npc') return roleName(staticView, speaker.roleId, lang);
  const participant = live?.participants.find((p) => p.id === speaker.id);
  if (!participant) return '';
  const card = roleName(staticView, participant.roleId, lang);
  // A card an expert plays has no name in the room: the card alone.
  return [card, participant.name].filter(Boolean).join(' · ');
}

/** An election candidate: a seat, or "npc:<roleId>" for an NPC card on the list. */
export const candidateSpeaker = (id: string): Speaker =>
  id.startsWith('npc:') ? { kind: 'npc', roleId: id.slice(4) } : { kind: 'participant', id };
