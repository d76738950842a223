// What the simulated participants are called and say, in the language of the
// minutes the dry run prints: names a register would hold (never an id), and
// plain lines a secretary could minute.
import type { Item, Language, Scenario } from '../scenario/index.ts';

const NAMES: Record<Language, readonly string[]> = {
  zh: [
    '张伟',
    '李娜',
    '王芳',
    '刘洋',
    '陈静',
    '杨帆',
    '赵磊',
    '黄丽',
    '周杰',
    '吴敏',
    '徐强',
    '孙燕',
    '马超',
    '朱婷',
    '胡军',
    '郭颖',
    '何平',
    '高峰',
    '林琳',
    '罗斌',
    '郑丹',
    '梁爽',
  ],
  en: [
    'Zhang Wei',
    'Li Na',
    'Wang Fang',
    'Liu Yang',
    'Chen Jing',
    'Yang Fan',
    'Zhao Lei',
    'Huang Li',
    'Zhou Jie',
    'Wu Min',
    'Xu Qiang',
    'Sun Yan',
    'Ma Chao',
    'Zhu Ting',
    'Hu Jun',
    'Guo Ying',
    'He Ping',
    'Gao Feng',
    'Lin Lin',
    'Luo Bin',
    'Zheng Dan',
    'Liang Shuang',
  ],
};

/** The n-th simulated trainee's name (1-based); past the list, a name with a number. */
export function traineeName(n: number, lang: Language): string {
  const list = NAMES[lang];
  const name = list[(n - 1) % list.length] ?? '';
  const round = Math.floor((n - 1) / list.length);
  return round === 0 ? name : `${name}${round + 1}`;
}

export interface SimulatedWords {
  statement(item: Item): string;
  answer: string;
  aside: string;
  decision: string;
  action: string;
}

export function simulatedWords(_scenario: Scenario, lang: Language): SimulatedWords {
  if (lang === 'zh')
    return {
      statement: (item) => `围绕${item.title.zh}谈了自己的看法和诉求。`,
      answer: '对提问作了答复。',
      aside: '补充说明了有关情况。',
      decision: '按会上修改后的方案执行。',
      action: '会后张贴结果公告并通知未到会的居民。',
    };
  return {
    statement: (item) => `Gave their view on "${item.title.en}".`,
    answer: 'Answered the question.',
    aside: 'Added some background.',
    decision: 'Go ahead with the plan as amended in the meeting.',
    action: 'Post the result and tell the residents who were not there.',
  };
}
