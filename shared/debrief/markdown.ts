// The debrief as a Markdown report, in Chinese or English, for the whole
// session or one trainee. It renders a DebriefView, so it can only contain
// what that viewer's debrief already contains.
import type { Language, LocalText, Scenario } from '../scenario/index.ts';
import type { DebriefView } from './build.ts';
import { commandInWords, summarizeActions } from './command-words.ts';
import { seatName } from './names.ts';

const L = (text: LocalText | undefined, lang: Language) => (text ? text[lang] : '');

const WORDS = {
  zh: {
    report: '复盘报告',
    attempt: '第 {n} 次演练',
    participation: '发言统计',
    who: '参与者',
    speaking: '发言时长',
    turns: '次数',
    over: '超时',
    poo: '程序问题',
    cut: '被打断',
    injects: '突发事件与响应',
    fired: '发出',
    response: '响应用时',
    noResponse: '未响应',
    inTime: '在时限内',
    late: '超出时限',
    tips: '专家提示',
    followUp: '之后两分钟内',
    times: '{what}（{n}次）',
    sep: '、',
    nothing: '无行动',
    acked: '已确认',
    markers: '专家标记',
    strength: '亮点',
    needsWork: '待改进',
    scores: '评分',
    competency: '能力',
    mean: '平均',
    spread: '极差',
    agreement: '一致度',
    plan: '下次改进',
    secrets: '角色底牌',
    brief: '背景',
    goals: '目标',
    secretFacts: '秘密',
    redLines: '底线',
    comparison: '各次演练对比',
    questions: '复盘讨论题',
    minutes: '会议纪要',
    trainee: '学员',
  },
  en: {
    report: 'Debrief report',
    attempt: 'Attempt {n}',
    participation: 'Participation',
    who: 'Participant',
    speaking: 'Speaking time',
    turns: 'Turns',
    over: 'Over time',
    poo: 'Points of order',
    cut: 'Cut off',
    injects: 'Injects and responses',
    fired: 'Fired',
    response: 'Response time',
    noResponse: 'no response',
    inTime: 'in time',
    late: 'late',
    tips: 'Expert tips',
    followUp: 'In the next two minutes',
    times: '{what} ({n} times)',
    sep: ', ',
    nothing: 'no action',
    acked: 'acknowledged',
    markers: 'Expert markers',
    strength: 'strength',
    needsWork: 'needs work',
    scores: 'Scores',
    competency: 'Competency',
    mean: 'Mean',
    spread: 'Spread',
    agreement: 'Agreement',
    plan: 'Next time',
    secrets: 'The cards revealed',
    brief: 'Brief',
    goals: 'Goals',
    secretFacts: 'Secrets',
    redLines: 'Red lines',
    comparison: 'Attempts compared',
    questions: 'Questions for discussion',
    minutes: 'Minutes',
    trainee: 'Trainee',
  },
} as const;

const clock = (ms: number) =>
  `${Math.floor(ms / 60000)}:${String(Math.floor((ms % 60000) / 1000)).padStart(2, '0')}`;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function debriefMarkdown(
  view: DebriefView,
  scenario: Scenario,
  lang: Language,
  onlyParticipant?: string,
): string {
  const w = WORDS[lang];
  const name = (id: string) => {
    const p = view.participants.find((x) => x.id === id);
    return p ? seatName(p, lang) : id;
  };
  const role = (roleId: string | null | undefined) =>
    L(scenario.roles.find((r) => r.id === roleId)?.name, lang);
  const who = (key: string, roleId: string | null) =>
    key.startsWith('p:') ? `${name(key.slice(2))}（${role(roleId)}）` : role(roleId);
  const competency = (id: string) =>
    L(scenario.rubric.competencies.find((c) => c.id === id)?.title, lang) || id;
  const keep = (participantId: string | undefined) =>
    onlyParticipant === undefined || participantId === onlyParticipant;
  const out: string[] = [`# ${L(scenario.title, lang)} — ${w.report}`];
  if (onlyParticipant) out.push('', `${w.trainee}: ${name(onlyParticipant)}`);

  for (const attempt of view.attempts) {
    out.push('', `## ${w.attempt.replace('{n}', String(attempt.attempt))}`, '', `### ${w.participation}`, '');
    out.push(
      `| ${w.who} | ${w.speaking} | ${w.turns} | ${w.over} | ${w.poo} | ${w.cut} |`,
      '|---|---|---|---|---|---|',
    );
    for (const f of attempt.participation) {
      out.push(
        `| ${cell(who(f.key, f.roleId))} | ${clock(f.speakingMs)} | ${f.turns} | ${clock(f.overtimeMs)} | ${f.pointsOfOrder} | ${f.cutOff} |`,
      );
    }
    if (attempt.injects.length > 0) {
      out.push('', `### ${w.injects}`, '');
      for (const r of attempt.injects) {
        const title = L(scenario.injects.find((i) => i.id === r.inject)?.title, lang);
        const answer =
          r.responseMs === undefined
            ? w.noResponse
            : `${w.response} ${clock(r.responseMs)}${r.inTime === undefined ? '' : `（${r.inTime ? w.inTime : w.late}）`}`;
        out.push(`- ${cell(title)}: ${answer}`);
      }
    }
    const tips = attempt.tips.filter((t) => keep(t.participantId));
    if (tips.length > 0) {
      out.push('', `### ${w.tips}`, '');
      for (const t of tips) {
        const did =
          t.actions.length === 0
            ? w.nothing
            : summarizeActions(t.actions)
                .map(({ type, count }) => {
                  const what = commandInWords(type, lang);
                  return count > 1 ? w.times.replace('{what}', what).replace('{n}', String(count)) : what;
                })
                .join(w.sep);
        out.push(
          `- ${name(t.participantId)}: “${cell(t.text)}”${t.ackAt ? `（${w.acked}）` : ''} — ${w.followUp}: ${did}`,
        );
      }
    }
    const markers = attempt.markers.filter((m) => keep(m.participantId) || m.participantId === undefined);
    if (markers.length > 0) {
      out.push('', `### ${w.markers}`, '');
      for (const m of markers) {
        const target = m.participantId ? name(m.participantId) : '—';
        out.push(
          `- ${target} · ${competency(m.competency)} · ${m.kind === 'strength' ? w.strength : w.needsWork}${m.note ? `: ${cell(m.note)}` : ''}`,
        );
      }
    }
    const scores = attempt.scores.filter((s) => keep(s.participantId));
    if (scores.length > 0) {
      out.push(
        '',
        `### ${w.scores}`,
        '',
        `| ${w.who} | ${w.competency} | ${w.mean} | ${w.spread} | ${w.agreement} |`,
        '|---|---|---|---|---|',
      );
      for (const s of scores) {
        const agreement = s.agreement === null ? '—' : `${Math.round(s.agreement * 100)}%`;
        out.push(
          `| ${cell(name(s.participantId))} | ${cell(competency(s.competency))} | ${s.mean} | ${s.spread} | ${agreement} |`,
        );
      }
    }
    const plan = attempt.plan.filter((p) => keep(p.participantId));
    if (plan.length > 0) {
      out.push('', `### ${w.plan}`, '');
      for (const p of plan) out.push(`- ${name(p.participantId)}: ${cell(p.text)}`);
    }
    out.push('', `### ${w.minutes}`, '', attempt.minutes[lang].replace(/^#/gm, '###'));
  }

  if (view.secrets) {
    out.push('', `## ${w.secrets}`);
    for (const r of view.secrets) {
      out.push('', `### ${L(r.name, lang)}`, '', `**${w.brief}**: ${L(r.brief, lang)}`);
      const list = (title: string, items: LocalText[]) => {
        if (items.length > 0) out.push('', `**${title}**`, ...items.map((x) => `- ${L(x, lang)}`));
      };
      list(w.goals, r.goals);
      list(w.secretFacts, r.secrets);
      list(w.redLines, r.red_lines);
    }
  }

  const rows = view.comparison.filter((c) => keep(c.participantId));
  if (view.attempts.length > 1 && rows.length > 0) {
    const competencies = scenario.rubric.competencies.map((c) => c.id);
    out.push(
      '',
      `## ${w.comparison}`,
      '',
      `| ${w.who} | # | ${competencies.map(competency).join(' | ')} | ${w.speaking} | ${w.turns} |`,
    );
    out.push(`|---|---|${competencies.map(() => '---|').join('')}---|---|`);
    for (const r of rows) {
      const values = competencies.map((c) =>
        r.competencies[c] === undefined ? '—' : String(r.competencies[c]),
      );
      out.push(
        `| ${cell(name(r.participantId))} | ${r.attempt} | ${values.join(' | ')} | ${clock(r.speakingMs)} | ${r.turns} |`,
      );
    }
  }
  if (view.questions.length > 0) {
    out.push('', `## ${w.questions}`, '', ...view.questions.map((q, i) => `${i + 1}. ${L(q, lang)}`));
  }
  return `${out.join('\n')}\n`;
}

export type { Scenario };
