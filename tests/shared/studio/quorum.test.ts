// How far the shipped owners' committee election can reach towards its
// quorum: the preview's bar and try it's "cannot reach its quorum" check.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioSource } from '../../../shared/scenario/index.ts';
import { quorumReach } from '../../../shared/studio/quorum.ts';

const ID = 'owners-committee-election';
const loaded = loadScenarioSource(readFileSync(`scenarios/${ID}.yaml`, 'utf8'), `${ID}.yaml`, ID);
if (!loaded.ok) throw new Error('the shipped election does not load');
const scenario = loaded.scenario;
const item = (id: string) => {
  const found = scenario.agenda.find((i) => i.id === id);
  if (!found) throw new Error(id);
  return found;
};

// By hand, from the file: 636 owners and 56,604 m² in all; 621 owners and 55,168.4 m² are counted as
// a whole, so the 15 owners in the room hold 636 − 621 = 15 flats and 56,604 − 55,168.4 = 1,435.6 m².
// The 429 written ballots (36,520 m²) come from owners not in the room.
const ROOM = { heads: 15, area: 1435.6 };
const WRITTEN = { heads: 429, area: 36520 };

describe('quorum reach', () => {
  it('the rules vote: every owner card in the room and its written tally (352 + 41 + 36 = 429)', () => {
    const reach = quorumReach(scenario, item('rules_vote'));
    expect(reach?.heads).toBe(ROOM.heads + WRITTEN.heads);
    expect(reach?.area).toBeCloseTo(ROOM.area + WRITTEN.area, 6);
    expect(reach?.total).toEqual({ owners: 636, area_m2: 56604 });
  });

  it('the election counts each written ballot once, not once per candidate it names', () => {
    const reach = quorumReach(scenario, item('election'));
    // 444 owners and 37,955.6 m² at most, every owner in the room taking part: past 2/3 of the heads
    // (424 of 636) and of the area (37,736 of 56,604), so the election can reach its quorum.
    expect(reach?.heads).toBe(444);
    expect(reach?.area).toBeCloseTo(37955.6, 6);
  });

  it('an item that is no vote has no quorum to reach', () => {
    expect(quorumReach(scenario, item('counting'))).toBeNull();
  });
});
