// Projections by allowlist, fast and pure: a field nobody has named is added
// to every object of a scenario a view reads from (roles and their attributes,
// items, injects, handouts, rules, facts, the rubric) and to the meeting's
// record, and no view a trainee or the projector gets carries it. The same
// over real sockets: tests/server/allowlist.test.ts.
import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../../shared/debrief/build.ts';
import { projectLive } from '../../../shared/views/live.ts';
import { ownPart } from '../../../shared/views/own-part.ts';
import { publicScenario } from '../../../shared/views/scenario-public.ts';
import { FACILITATOR, seat, startedRoom, ViewRoom, viewScenario } from '../../support/views-fixture.ts';

const UNNAMED = 'UNNAMED-FIELD';

function marked() {
  const scenario = viewScenario();
  let n = 0;
  const mark = (x: object) => Object.assign(x, { unnamedField: `${UNNAMED}-${n++}` });
  for (const role of scenario.roles) {
    mark(role);
    mark(role.attributes);
  }
  for (const list of [
    scenario.agenda,
    scenario.injects,
    scenario.handouts,
    scenario.facts,
    scenario.rubric.competencies,
  ])
    for (const x of list) mark(x);
  for (const rule of Object.values(scenario.rules)) mark(rule);
  mark(scenario.rubric);
  return scenario;
}

describe('views built from named fields', () => {
  it('carry no unnamed field of the scenario or the record to a trainee or the projector', () => {
    const scenario = marked();
    const room = new ViewRoom(scenario)
      .seat({ p1: 'chair', p2: 'owner_a', p3: 'owner_b' })
      .ok(FACILITATOR, { type: 'meeting.start' })
      .ok(seat('p1'), { type: 'meeting.begin' });
    for (const inject of scenario.injects)
      if (inject.trigger.kind !== 'scheduled')
        room.send(FACILITATOR, { type: 'inject.fire', injectId: inject.id });
    // And a field the record does not know yet.
    Object.assign(room.ctx.record, { unnamedField: `${UNNAMED}-record` });
    const input = room.input();
    const views = {
      static: publicScenario(scenario),
      trainee: projectLive(input, 'trainee'),
      projector: projectLive(input, 'projector'),
      own: ['p1', 'p2', 'p3'].map((id) => ownPart(input, id)),
      debrief: ['p1', 'p2'].map((id) =>
        buildDebrief(
          { scenario, context: room.ctx, state: 'debrief', coaching: input.coaching, log: [] },
          { audience: 'trainee', participantId: id },
        ),
      ),
    };
    for (const [name, view] of Object.entries(views))
      expect(JSON.stringify(view), name).not.toContain(UNNAMED);
    // The canaries were in play: the observers' debrief (the unprojected record) carries the record's,
    // and every projection above had the marked objects to read from.
    const observers = buildDebrief(
      { scenario, context: room.ctx, state: 'debrief', coaching: input.coaching, log: [] },
      { audience: 'observer' },
    );
    expect(JSON.stringify(observers)).toContain(`${UNNAMED}-record`);
    expect(JSON.stringify(scenario)).toContain(`${UNNAMED}-0`);
    expect(views.own[1]?.me.card?.id).toBe('owner_a');
  });

  it('still carry every named field: the public scenario of the fixture is unchanged by the allowlists', () => {
    const room = startedRoom();
    const pub = publicScenario(room.scenario);
    expect(pub.agenda.map((i) => Object.keys(i).sort())).toEqual(
      room.scenario.agenda.map((i) =>
        Object.keys(i)
          .filter((k) => k !== 'guidance' && k !== 'writtenBallots')
          .sort(),
      ),
    );
    expect(pub.roles.map((r) => Object.keys(r).sort())).toEqual(
      room.scenario.roles.map((r) =>
        Object.keys(r)
          .filter((k) => !['brief', 'goals', 'secrets', 'red_lines'].includes(k))
          .sort(),
      ),
    );
  });
});
