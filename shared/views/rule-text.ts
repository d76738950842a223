// A voting rule in plain words, as a trainee reads it on the ballot:
// "需参与面积与人数均达四分之三同意". Pure, so every screen says it the same way.
import type { Fraction, LocalText, Rule } from '../scenario/index.ts';

const ZH_FRACTIONS: Record<string, string> = { '1/2': '二分之一', '2/3': '三分之二', '3/4': '四分之三' };
const EN_FRACTIONS: Record<string, string> = { '1/2': 'half', '2/3': 'two thirds', '3/4': 'three quarters' };

function zhShare(f: Fraction): string {
  const key = `${f.num}/${f.den}`;
  if (f.strict && key === '1/2') return '过半数';
  return `${f.strict ? '超过' : '达到'}${ZH_FRACTIONS[key] ?? key}`;
}

function enShare(f: Fraction): string {
  const key = `${f.num}/${f.den}`;
  if (f.strict && key === '1/2') return 'more than half';
  return `${f.strict ? 'more than' : 'at least'} ${EN_FRACTIONS[key] ?? key}`;
}

const ZH_BASE = {
  participating: '参与表决的',
  eligible: '全体有表决权的',
  cast: '投赞成或反对票的',
} as const;
const EN_BASE = {
  participating: 'of those voting',
  eligible: 'of all eligible',
  cast: 'of yes and no votes',
} as const;

export function describeRule(rule: Rule): LocalText {
  if (rule.kind === 'consensus') {
    return {
      zh: '协商一致：无人反对且至少一人同意',
      en: 'Consensus: no one against, at least one in favour',
    };
  }
  const zh: string[] = [];
  const en: string[] = [];
  const { quorum, pass } = rule;
  if (quorum.area && quorum.headcount && sameFraction(quorum.area, quorum.headcount)) {
    zh.push(`参与表决的面积与人数均需${zhShare(quorum.area)}`);
    en.push(`owners with ${enShare(quorum.area)} of the area and of the headcount must take part`);
  } else {
    if (quorum.area) {
      zh.push(`参与表决的面积需${zhShare(quorum.area)}`);
      en.push(`${enShare(quorum.area)} of the area must take part`);
    }
    if (quorum.headcount) {
      zh.push(`参与表决的人数需${zhShare(quorum.headcount)}`);
      en.push(`${enShare(quorum.headcount)} of the voters must take part`);
    }
  }
  const weighted = rule.weight ? `（按${rule.weight}加权）` : '';
  if (pass.area && pass.headcount && sameFraction(pass.area, pass.headcount)) {
    zh.push(`需${ZH_BASE[pass.of]}面积与人数均${zhShare(pass.area)}同意`);
    en.push(`yes needs ${enShare(pass.area)} ${EN_BASE[pass.of]}, by area and by headcount`);
  } else {
    if (pass.area) {
      zh.push(`同意面积需${zhShare(pass.area)}（${ZH_BASE[pass.of]}面积）`);
      en.push(`yes needs ${enShare(pass.area)} ${EN_BASE[pass.of]} by area`);
    }
    if (pass.headcount) {
      zh.push(
        `同意${weighted}需${zhShare(pass.headcount)}（${ZH_BASE[pass.of]}${pass.of === 'cast' ? '票数' : '人数'}）`,
      );
      en.push(
        `yes needs ${enShare(pass.headcount)} ${EN_BASE[pass.of]}${rule.weight ? ` (weighted by ${rule.weight})` : ''}`,
      );
    }
  }
  const sentence = en.join('; ');
  return { zh: `${zh.join('；')}。`, en: `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.` };
}

const sameFraction = (a: Fraction, b: Fraction) => a.num * b.den === b.num * a.den && a.strict === b.strict;
