// The head of a 会议纪要: 时间、地点、主持人、记录人, then 应到、实到、列席 —
// against the electorate when the scenario has one (every owner, and the owners
// in the room), else against the cards — and the 议题. People are named as a
// secretary writes them: the trainee with the character they play.
import {
  area,
  date,
  duration,
  type Lang,
  list,
  number,
  sameDay,
  withNote,
  zoneName,
} from './minutes-format.ts';
import type { Pen } from './minutes-items.ts';

/** "张伟（饰 王敏，居委会书记）" from the card "王敏（居委会书记）"; en "Zhang Wei (as Wang Min, …)". */
export function asCharacter(names: string, card: string, lang: Lang): string {
  if (lang === 'zh') {
    const character =
      card.endsWith('）') && card.includes('（') ? card.slice(0, -1).replace('（', '，') : card;
    return `${names}（饰 ${character}）`;
  }
  return `${names} (as ${card})`;
}

function timeLine(p: Pen): string {
  const { zh, lang, src, clock, zone } = p;
  const { startedAt, endedAt } = src.record;
  if (startedAt === undefined)
    return zh ? '- **时间**：会议尚未开始。' : '- **Time**: the meeting has not started.';
  const end = endedAt ?? src.now;
  const took = duration(end - startedAt, lang);
  const paused = end - startedAt - p.active(startedAt, end);
  const pause =
    paused > 0
      ? zh
        ? `，其中暂停 ${duration(paused, lang)}`
        : `, including ${duration(paused, lang)} paused`
      : '';
  const day = date(startedAt, lang, zone);
  const until = sameDay(startedAt, end, zone)
    ? clock(end)
    : `${date(end, lang, zone)}${zh ? '' : ', '}${clock(end)}`;
  if (endedAt === undefined)
    return zh
      ? `- **时间**：${day}${clock(startedAt)} 开始，尚未结束（截至 ${clock(end)}，已历时 ${took}${pause}）`
      : `- **Time**: ${day}, from ${clock(startedAt)}; not yet ended (${took} so far, as of ${clock(end)}${pause})`;
  const where = zoneName(startedAt, zone, lang);
  return zh
    ? `- **时间**：${day}${clock(startedAt)}–${until}（${where}），历时 ${took}${pause}`
    : `- **Time**: ${day}, ${clock(startedAt)}–${until} (${where}); ${took} in all${pause}`;
}

export function header(p: Pen): string[] {
  const { zh, lang, sep, src, scenario, card } = p;
  const details = p.details;
  const unset = zh ? '未填写' : 'not given';
  const holders = (roleId: string) =>
    Object.values(src.participants)
      .filter((x) => src.cards[x.id] === roleId)
      .sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id));
  const npcNote = zh ? '由专家扮演' : 'voiced by the experts';
  const chairs = scenario.roles
    .filter((r) => r.chair)
    .map((r) => {
      if (r.npc) return withNote(card(r.id), npcNote, lang);
      const ids = holders(r.id).map((x) => x.id);
      return ids.length ? p.seats(ids) : withNote(card(r.id), zh ? '无人持卡' : 'card not taken', lang);
    });
  const chair = chairs.length ? list(chairs, lang) : zh ? '由培训师主持' : 'the instructor';
  const out = [
    timeLine(p),
    `- **${zh ? '地点' : 'Venue'}**${sep}${details.venue ?? unset}`,
    `- **${zh ? '主持人' : 'Chair'}**${sep}${chair}`,
    `- **${zh ? '记录人' : 'Minutes taken by'}**${sep}${details.recorder ?? unset}`,
  ];

  // Who is there: each card held, as the people holding it.
  const held = scenario.roles.filter((r) => !r.npc && holders(r.id).length > 0);
  const attendee = (roleId: string) => p.seats(holders(roleId).map((x) => x.id));
  const electorate = scenario.electorate;
  const owners = (r: (typeof scenario.roles)[number]) => r.standsFor.length + r.proxyFor.length > 0;
  const npcs = scenario.roles.filter((r) => r.npc).map((r) => withNote(card(r.id), npcNote, lang));
  if (electorate) {
    const inRoom = new Set(held.flatMap((r) => [...r.standsFor, ...r.proxyFor]));
    const proxies = held.flatMap((r) => r.proxyFor).length;
    const m2 = electorate.owners.filter((o) => inRoom.has(o.id)).reduce((s, o) => s + o.area_m2, 0);
    const whole = electorate.total;
    const title = electorate.title[lang];
    const ownersHere = held.filter(owners).map((r) => attendee(r.id));
    out.push(
      zh
        ? `- **应到**：${title} ${number(whole.owners)} 人、${area(whole.area_m2, 'zh')}`
        : `- **Expected**: ${title}, ${number(whole.owners)} owners (${area(whole.area_m2, 'en')})`,
      zh
        ? `- **实到**：业主 ${number(inRoom.size)} 人、${area(Math.round(m2 * 10_000) / 10_000, 'zh')}${proxies ? `（其中受委托 ${proxies} 人）` : ''}${ownersHere.length ? `：${list(ownersHere, 'zh')}` : ''}；未到的业主以书面表决票参与或未参与，见表决情况`
        : `- **Present**: ${number(inRoom.size)} owners (${area(Math.round(m2 * 10_000) / 10_000, 'en')})${proxies ? `, ${proxies} of them by proxy` : ''}${ownersHere.length ? `: ${list(ownersHere, 'en')}` : ''}; absent owners took part on paper or not at all (see the votes)`,
    );
    const attending = [...held.filter((r) => !owners(r) && !r.chair).map((r) => attendee(r.id)), ...npcs];
    out.push(
      `- **${zh ? '列席' : 'Also attending'}**${sep}${attending.length ? list(attending, lang) : zh ? '无' : 'nobody'}`,
    );
  } else {
    const cards = scenario.roles.filter((r) => !r.npc);
    const present = held.map((r) => attendee(r.id));
    const seated = Object.values(src.participants).filter((x) => src.cards[x.id]).length;
    out.push(
      zh
        ? `- **应到**：角色 ${cards.length} 个`
        : `- **Expected**: ${cards.length} role${cards.length === 1 ? '' : 's'}`,
      zh
        ? `- **实到**：${seated} 人${present.length ? `：${list(present, 'zh')}` : ''}`
        : `- **Present**: ${seated}${present.length ? `: ${list(present, 'en')}` : ''}`,
      `- **${zh ? '列席' : 'Also attending'}**${sep}${npcs.length ? list(npcs, lang) : zh ? '无' : 'nobody'}`,
    );
  }
  const vacant = scenario.roles.filter((r) => !r.npc && holders(r.id).length === 0).map((r) => card(r.id));
  if (vacant.length)
    out.push(`- **${zh ? '缺席（无人持卡）' : 'Absent (card not taken)'}**${sep}${list(vacant, lang)}`);
  const cardless = Object.values(src.participants)
    .filter((x) => !src.cards[x.id] && x.playedBy === undefined)
    .sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id))
    .map((x) => x.name);
  if (cardless.length)
    out.push(`- **${zh ? '旁听（未领角色卡）' : 'Present without a card'}**${sep}${list(cardless, lang)}`);
  out.push('', zh ? '## 议题' : '## Agenda', '');
  scenario.agenda.forEach((item, i) => {
    out.push(`${i + 1}. ${item.title[lang]}`);
  });
  return out;
}
