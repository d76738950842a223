// What an election leaves open, in the words a returning officer uses: a tie
// across the last seat ("第5席得票相同，需另行选举"), or seats nobody won a
// majority for. One sentence for the minutes and every screen.
import type { Language } from '../scenario/index.ts';
import type { ElectionOutcome } from './rules.ts';

/** "第5席" / "第4、5席" — the seats left open, numbered after the elected. */
function seatNumbers(from: number, to: number, lang: Language): string {
  const numbers = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  if (lang === 'zh') return `第${numbers.join('、')}席`;
  return `${numbers.length === 1 ? 'Seat' : 'Seats'} ${numbers.join(', ')}`;
}

/** Empty when every seat is filled. */
export function openSeatsSentence(
  o: Pick<ElectionOutcome, 'seats' | 'elected' | 'tiedForLastSeat'>,
  lang: Language,
): string {
  const filled = o.elected.length;
  if (filled >= o.seats) return '';
  const seats = seatNumbers(filled + 1, o.seats, lang);
  if (o.tiedForLastSeat.length > 0)
    return lang === 'zh'
      ? `${seats}得票相同，需另行选举`
      : `${seats}: a tie; another round of voting is needed`;
  return lang === 'zh'
    ? `${seats}无人获得过半数同意，需另行选举`
    : `${seats}: no candidate won a majority; another round of voting is needed`;
}
