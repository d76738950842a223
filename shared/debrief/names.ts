// How a debrief names a seat: a trainee by name; a card an expert played as
// "专家李老师" / "expert Li", or "专家" / "an expert" in a trainee's copy,
// which does not say which expert.
import type { Language } from '../scenario/index.ts';
import type { DebriefParticipant } from './build.ts';

export function seatName(p: DebriefParticipant | undefined, lang: Language): string {
  if (!p) return '';
  if (!p.standIn) return p.name;
  if (lang === 'zh') return `专家${p.name}`;
  return p.name ? `expert ${p.name}` : 'an expert';
}
