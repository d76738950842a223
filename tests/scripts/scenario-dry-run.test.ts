import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ConditionResult, VoteOutcome } from '../../shared/meeting/rules.ts';
import { meetsFraction } from '../../shared/scenario/primitives.ts';

const run = promisify(execFile);

/** The electorate each shipped scenario declares (null: none; its owners' votes count the cards in the room). */
const ELECTORATES: Record<string, { owners: number; area_m2: number; flatsListed: number } | null> = {
  'charging-piles-hearing': null,
  // Building 12: 12 flats of one owner each, 6 × 71.8 + 6 × 52.3 = 744.6 m².
  'elevator-coordination': { owners: 12, area_m2: 744.6, flatsListed: 12 },
  'micro-renewal-round-table': null,
  // Heyue Garden: 636 owners, 56,604 m²; the 15 owners in the room listed by flat
  // (7 candidates, 8 in building 3), the other 621 counted as a whole.
  'owners-committee-election': { owners: 636, area_m2: 56604, flatsListed: 15 },
  'parking-mobilization': null,
};
const SHIPPED = [
  'charging-piles-hearing',
  'elevator-coordination',
  'micro-renewal-round-table',
  'owners-committee-election',
  'parking-mobilization',
];

async function dryRun(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [
      '--import',
      'tsx',
      'scripts/scenario-dry-run.ts',
      ...args,
    ]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The arithmetic in the report must agree with itself and with the thresholds it names. */
function checkArithmetic(outcome: VoteOutcome) {
  for (const dim of ['headcount', 'area'] as const) {
    expect(outcome.yes[dim] + outcome.no[dim] + outcome.abstain[dim]).toBeCloseTo(
      outcome.participating[dim],
      6,
    );
    expect(outcome.participating[dim]).toBeLessThanOrEqual(outcome.eligible[dim] + 1e-9);
  }
  const met = (c: ConditionResult) =>
    meetsFraction(Math.round(c.part * 1e4), Math.round(c.whole * 1e4), c.threshold);
  for (const c of [...outcome.quorum, ...outcome.pass]) expect(c.met).toBe(met(c));
  expect(outcome.passed).toBe(outcome.failed.length === 0);
}

describe('npm run scenario:dry-run', () => {
  it.each(SHIPPED)(
    'runs %s to the end and reports consistent arithmetic (--json)',
    async (id) => {
      const { code, stdout } = await dryRun([`scenarios/${id}.yaml`, '--json', '--seed', '7']);
      expect(code).toBe(0);
      const report = JSON.parse(stdout);
      expect(report).toMatchObject({ scenario: id, seed: 7, completed: true, problems: [] });
      expect(report.itemsReached.length).toBeGreaterThan(0);
      const electorate = ELECTORATES[id];
      expect(report.electorate).toEqual(electorate ? expect.objectContaining(electorate) : null);
      for (const ballot of report.ballots) {
        if (ballot.kind === 'vote') checkArithmetic(ballot.outcome);
        else for (const candidate of ballot.outcome.candidates) checkArithmetic(candidate.outcome);
        // A vote of the electorate: its quorum's whole is the register, and every ballot came in some way.
        if (ballot.participation && electorate) {
          expect(ballot.outcome.eligible).toEqual({ headcount: electorate.owners, area: electorate.area_m2 });
          const { room, paper, written } = ballot.participation;
          expect(room.headcount + paper.headcount + written.headcount).toBe(
            ballot.outcome.participating.headcount,
          );
          expect(room.area + paper.area + written.area).toBeCloseTo(ballot.outcome.participating.area, 6);
        }
      }
    },
    30_000,
  );

  it('prints the electorate before the minutes: building 12 has 12 owners and 744.6 m²', async () => {
    const zh = await dryRun(['scenarios/elevator-coordination.yaml', '--lang', 'zh']);
    expect(zh.stdout.split('\n')[0]).toBe(
      '表决基数：12号楼全体业主，业主 12 人，专有部分面积 744.6㎡（逐户列出 12 套房屋）。',
    );
    // The vote itself is counted against the whole building.
    expect(zh.stdout).toContain('- **计票**：12号楼全体业主 12 人、744.6㎡；参与表决 ');
  }, 30_000);

  it('is reproducible from its seed', async () => {
    const a = await dryRun(['scenarios/elevator-coordination.yaml', '--json', '--seed', '3']);
    const b = await dryRun(['scenarios/elevator-coordination.yaml', '--json', '--seed', '3']);
    expect(a.stdout).toBe(b.stdout);
  }, 30_000);

  it('prints the minutes in the chosen language', async () => {
    const zh = await dryRun(['scenarios/parking-mobilization.yaml', '--lang', 'zh']);
    const en = await dryRun(['scenarios/parking-mobilization.yaml', '--lang', 'en']);
    expect(zh.stdout).toContain('会议纪要');
    expect(en.stdout).toContain('minutes');
    // The parking scenario declares no electorate: the dry run says what its owners' votes count.
    expect(zh.stdout.split('\n')[0]).toBe('表决基数：本场景未声明业主范围，业主表决以在场角色卡为基数。');
    expect(en.stdout.split('\n')[0]).toBe(
      "Electorate: none declared; owners' votes count the cards in the room.",
    );
  }, 30_000);

  it('refuses a scenario that cannot be completed, saying why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dry-run-'));
    const file = join(dir, 'no-voters.yaml');
    writeFileSync(
      file,
      [
        'schema: 1',
        'id: no-voters',
        'title: No voters',
        'summary: x',
        'meeting: assembly',
        'duration: 10m',
        'background: x',
        'roles:',
        '  - { id: chair, name: Chair, chair: true, public: p, brief: b }',
        '  - { id: official, name: Official, npc: true, public: p, brief: b }',
        'agenda:',
        '  - { id: decide, title: Decide, kind: vote, motion: M, eligible: { attribute: owner, equals: true } }',
        '',
      ].join('\n'),
    );
    const { code, stderr } = await dryRun([file]);
    expect(code).toBe(1);
    expect(stderr).toContain('no-voters.yaml:12:');
    expect(stderr).toContain('scenario/no_voters');
  }, 30_000);
});
