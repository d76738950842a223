// 表决情况: every counted vote and election of the attempt, each under its
// item, with its legal basis (Civil Code art. 278 for the owners' rules, the
// meeting's own rules otherwise) and both bases the law measures against.
import { ballotLines } from './minutes-ballots.ts';
import type { Lang } from './minutes-format.ts';
import { type Pen, type Visit, within } from './minutes-items.ts';

const BASIS: Record<string, Record<Lang, string>> = {
  owners_ordinary: {
    zh: '《民法典》第二百七十八条第二款：专有部分面积和人数均占比三分之二以上的业主参与表决，经参与表决专有部分面积过半数且参与表决人数过半数的业主同意',
    en: 'Civil Code art. 278(2): owners with at least 2/3 of the exclusive area and 2/3 of the owners take part, and more than half of the participating area and of the participating owners agree',
  },
  owners_special: {
    zh: '《民法典》第二百七十八条第二款：专有部分面积和人数均占比三分之二以上的业主参与表决，经参与表决专有部分面积四分之三以上且参与表决人数四分之三以上的业主同意（第一款第六项至第八项）',
    en: 'Civil Code art. 278(2): owners with at least 2/3 of the exclusive area and 2/3 of the owners take part, and at least 3/4 of the participating area and of the participating owners agree (items 6–8)',
  },
};
const OWN_RULES: Record<Lang, string> = {
  zh: '本次会议议事规则',
  en: "the meeting's own rules of procedure",
};

export function ballotSection(p: Pen, visits: readonly Visit[]): string[] {
  const { zh, lang, src, scenario } = p;
  const out = [zh ? '## 表决情况' : '## Votes'];
  let any = false;
  for (const v of visits) {
    if (v.item.kind !== 'vote' && v.item.kind !== 'election') continue;
    const ballots = src.record.ballots.filter((b) => within(v, b, b.at));
    for (const b of ballots) {
      any = true;
      const basis = BASIS[v.item.rule]?.[lang] ?? OWN_RULES[lang];
      out.push(
        '',
        zh ? `### 第${v.number}项 ${v.item.title.zh}` : `### ${v.number}. ${v.item.title.en}`,
        '',
        `- **${zh ? '依据' : 'Legal basis'}**${p.sep}${basis}${zh ? '。' : '.'}`,
        ...ballotLines(v.item, b, scenario.rules[v.item.rule], p.seats, lang, scenario.electorate),
      );
    }
  }
  if (!any) out.push('', zh ? '本次会议未进行表决。' : 'No vote was taken.');
  return out;
}
