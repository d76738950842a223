// The dry run of every shipped scenario, minuted in Chinese, is a 会议纪要 a
// residents' committee would file: every section, people named as the
// trainee with the character they play, and nothing a secretary would not
// write — no id of any kind and no English word.
import { describe, expect, it } from 'vitest';
import { minutesFromContext } from '../../../shared/meeting/minutes.ts';
import { simulateMeeting } from '../../../shared/meeting/simulate.ts';
import { loadShippedScenarios } from '../../support/meeting.ts';

const SECTIONS = [
  '- **时间**：',
  '- **地点**：',
  '- **主持人**：',
  '- **记录人**：',
  '- **应到**：',
  '- **实到**：',
  '- **列席**：',
  '## 议题',
  '## 会议情况',
  '- **发言要点**：',
  '## 表决情况',
  '## 决定事项',
  '## 行动项',
];

describe.each(loadShippedScenarios().map((s) => [s.id, s] as const))(
  'the zh minutes of %s',
  (_id, scenario) => {
    const run = simulateMeeting(scenario, { seed: 3, lang: 'zh' });
    const zh = minutesFromContext(scenario, run.session.context).zh;
    const ctx = run.session.context;

    it('has every section of a 会议纪要, in order', () => {
      expect(run.completed).toBe(true);
      let from = 0;
      for (const section of SECTIONS) {
        const at = zh.indexOf(section, from);
        expect(at, `${section} missing or out of order`).toBeGreaterThanOrEqual(0);
        from = at;
      }
      expect(zh).toContain(`**地点**：${scenario.venue?.zh}`);
      // Each action item has an owner and a date.
      expect(zh).toMatch(/负责人：[^；]+；完成时限：\d{4}-\d{2}-\d{2}/);
    });

    it('names people as the trainee with the character, never by an id', () => {
      const held = Object.values(ctx.participants).find((p) => p.roleId && p.playedBy === undefined);
      const card = scenario.roles.find((r) => r.id === held?.roleId);
      expect(held && card).toBeTruthy();
      expect(zh).toContain(`${held?.name}（饰 ${card?.name.zh.split('（')[0]}`);
      const ids = [
        ...Object.keys(ctx.participants),
        ...scenario.roles.map((r) => r.id),
        ...scenario.agenda.map((i) => i.id),
        ...scenario.injects.map((i) => i.id),
      ];
      for (const id of ids)
        expect(zh, `the id ${id} is in the minutes`).not.toMatch(
          new RegExp(`(^|[^A-Za-z0-9_])${id}($|[^A-Za-z0-9_])`),
        );
      expect(zh).not.toContain('npc:');
    });

    it('has no English word', () => {
      const words = zh.match(/[A-Za-z]{2,}/g) ?? [];
      expect(words).toEqual([]);
    });
  },
);
