// @vitest-environment happy-dom
// How often each panel of the observer console renders as a meeting's
// patches reach the store: every panel is wrapped (vi.mock) in a React
// Profiler that counts its commits, whether its parent re-rendered it or its
// own selection of the store changed. A panel should render when what it
// shows changed, not on every patch.
import { cleanup, render, screen } from '@testing-library/react';
import { type ComponentType, createElement, Profiler } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18next } from '../../../client/src/i18n/index.ts';
import { StoreFeed } from '../../support/store-feed.ts';
import { OBSERVER, seat, startedRoom } from '../../support/views-fixture.ts';

const commits = new Map<string, number>();
const counted = <P extends object>(name: string, Panel: ComponentType<P>) =>
  function Counted(props: P) {
    return createElement(
      Profiler,
      { id: name, onRender: () => commits.set(name, (commits.get(name) ?? 0) + 1) },
      createElement(Panel, props),
    );
  };

const PANELS = [
  'HeaderStrip',
  'PlayedCards',
  'VotePanel',
  'FloorPanel',
  'Transcript',
  'Guidance',
  'Composer',
  'Markers',
  'InjectsPanel',
  'Backchannel',
  'RoleCards',
  'ScoringPanel',
] as const;

vi.mock('../../../client/src/observer/HeaderStrip.tsx', async (original) => {
  const m = await original<typeof import('../../../client/src/observer/HeaderStrip.tsx')>();
  return { ...m, HeaderStrip: counted('HeaderStrip', m.HeaderStrip) };
});
vi.mock('../../../client/src/observer/PlayedCards.tsx', async (original) => {
  const m = await original<typeof import('../../../client/src/observer/PlayedCards.tsx')>();
  return { ...m, PlayedCards: counted('PlayedCards', m.PlayedCards) };
});
vi.mock('../../../client/src/observer/VotePanel.tsx', async (original) => {
  const m = await original<typeof import('../../../client/src/observer/VotePanel.tsx')>();
  return { ...m, VotePanel: counted('VotePanel', m.VotePanel) };
});
vi.mock('../../../client/src/observer/FloorPanel.tsx', async (original) => {
  const m = await original<typeof import('../../../client/src/observer/FloorPanel.tsx')>();
  return { ...m, FloorPanel: counted('FloorPanel', m.FloorPanel) };
});
vi.mock('../../../client/src/observer/Transcript.tsx', async (original) => {
  const m = await original<typeof import('../../../client/src/observer/Transcript.tsx')>();
  return { ...m, Transcript: counted('Transcript', m.Transcript) };
});
vi.mock('../../../client/src/observer/Guidance.tsx', async (original) => {
  const m = await original<typeof import('../../../client/src/observer/Guidance.tsx')>();
  return { ...m, Guidance: counted('Guidance', m.Guidance) };
});
vi.mock('../../../client/src/observer/Composer.tsx', async (original) => {
  const m = await original<typeof import('../../../client/src/observer/Composer.tsx')>();
  return { ...m, Composer: counted('Composer', m.Composer) };
});
vi.mock('../../../client/src/observer/Markers.tsx', async (original) => {
  const m = await original<typeof import('../../../client/src/observer/Markers.tsx')>();
  return { ...m, Markers: counted('Markers', m.Markers) };
});
vi.mock('../../../client/src/observer/InjectsPanel.tsx', async (original) => {
  const m = await original<typeof import('../../../client/src/observer/InjectsPanel.tsx')>();
  return { ...m, InjectsPanel: counted('InjectsPanel', m.InjectsPanel) };
});
vi.mock('../../../client/src/observer/Backchannel.tsx', async (original) => {
  const m = await original<typeof import('../../../client/src/observer/Backchannel.tsx')>();
  return { ...m, Backchannel: counted('Backchannel', m.Backchannel) };
});
vi.mock('../../../client/src/observer/RoleCards.tsx', async (original) => {
  const m = await original<typeof import('../../../client/src/observer/RoleCards.tsx')>();
  return { ...m, RoleCards: counted('RoleCards', m.RoleCards) };
});
vi.mock('../../../client/src/observer/ScoringPanel.tsx', async (original) => {
  const m = await original<typeof import('../../../client/src/observer/ScoringPanel.tsx')>();
  return { ...m, ScoringPanel: counted('ScoringPanel', m.ScoringPanel) };
});

const { ObserverConsole } = await import('../../../client/src/observer/ObserverConsole.tsx');
await import('../../../client/src/observer/strings.ts');
await i18next.changeLanguage('en');

afterEach(() => {
  cleanup();
  commits.clear();
});

/** A console on a started meeting, with expert o1 joined; renders counted from here. */
function mounted() {
  const room = startedRoom();
  room.coach({ kind: 'system' }, { type: 'observer.join', observerId: 'o1', name: 'Expert' });
  const feed = new StoreFeed(room, { kind: 'observer', observerId: 'o1' });
  render(<ObserverConsole sessionId="s1" scenario={room.scenario} myId="o1" myName="Expert" />);
  commits.clear();
  return feed;
}

const tip = (n: number) => ({ type: 'tip.whisper' as const, tipId: `t${n}`, to: 'p2', text: `tip ${n}` });

/** A stretch of an open floor and a vote, with coaching between: 20 steps. */
const MEETING: ((room: ReturnType<typeof startedRoom>) => unknown)[] = [
  (r) => r.goto('talk'),
  (r) => r.ok(seat('p2'), { type: 'hand.raise' }),
  (r) => r.ok(seat('p3'), { type: 'hand.raise' }),
  (r) => r.advance(5).ok(seat('p1'), { type: 'floor.give' }),
  (r) => r.advance(10).ok(seat('p2'), { type: 'statement.post', text: 'We need the lift.' }),
  (r) => r.coach(OBSERVER, tip(1)),
  (r) => r.advance(10).ok(seat('p2'), { type: 'floor.yield' }),
  (r) => r.ok(seat('p4'), { type: 'mood.show', mood: 'disagree' }),
  (r) => r.ok(seat('p1'), { type: 'floor.give' }),
  (r) => r.coach(OBSERVER, { type: 'backchannel.say', messageId: 'm1', text: 'Watch the time' }),
  (r) => r.advance(20).ok(seat('p3'), { type: 'statement.post', text: 'Who pays?' }),
  (r) => r.advance(5).ok(seat('p3'), { type: 'floor.yield' }),
  (r) => r.goto('decide'),
  (r) => r.ok(seat('p1'), { type: 'vote.open' }),
  (r) => r.ok(seat('p2'), { type: 'vote.cast', choice: 'yes' }),
  (r) => r.coach(OBSERVER, tip(2)),
  (r) => r.ok(seat('p3'), { type: 'vote.cast', choice: 'no' }),
  (r) => r.ok(seat('p4'), { type: 'vote.cast', choice: 'yes' }),
  (r) => r.ok(seat('p5'), { type: 'mood.show', mood: 'agree' }),
  (r) => r.ok(seat('p1'), { type: 'vote.close' }),
];

describe('renders per patch on the observer console', () => {
  it('reports each panel’s commits over a scripted meeting', () => {
    const feed = mounted();
    for (const step of MEETING) feed.step(step);
    const table = PANELS.map((name) => `${name}: ${commits.get(name) ?? 0}`).join(', ');
    // The figures for docs/benchmarks.md; the assertions on behaviour are below.
    console.log(`${feed.patches} patches → ${table}`);
    expect(feed.patches).toBe(MEETING.length);
    // No panel commits twice for one patch (the clocks' offset moving by a few ms did that).
    for (const name of PANELS) expect(commits.get(name) ?? 0).toBeLessThanOrEqual(feed.patches);
  });
});

/** The panels that committed while `change` reached the store as one patch. */
function renderedBy(feed: StoreFeed, change: Parameters<StoreFeed['step']>[0]): string[] {
  commits.clear();
  expect(feed.step(change)).toBe(true);
  return PANELS.filter((name) => commits.has(name));
}

describe('a patch re-renders the panels that show what it changed', () => {
  it('a raised hand: the floor (its speakers list) and the header, not the coaching or the cards', () => {
    const feed = mounted();
    feed.step((r) => r.goto('talk'));
    const rendered = renderedBy(feed, (r) => r.ok(seat('p2'), { type: 'hand.raise' }));
    expect(rendered).toContain('FloorPanel');
    expect(screen.getByTestId('floor-panel').textContent).toContain('Name p2');
    for (const quiet of ['RoleCards', 'Backchannel', 'ScoringPanel', 'Markers', 'InjectsPanel', 'Guidance'])
      expect(rendered).not.toContain(quiet);
  });

  it('a backchannel line: the backchannel only', () => {
    const feed = mounted();
    const rendered = renderedBy(feed, (r) =>
      r.coach(OBSERVER, { type: 'backchannel.say', messageId: 'm1', text: 'Slow down' }),
    );
    expect(rendered).toContain('Backchannel');
    expect(screen.getByText('Slow down')).toBeTruthy();
    for (const quiet of ['FloorPanel', 'VotePanel', 'Transcript', 'Guidance', 'RoleCards', 'InjectsPanel'])
      expect(rendered).not.toContain(quiet);
  });

  // Moods show on the cards and the speaking bars (inside the floor panel); names are unchanged.
  it('a mood: not the transcript, the guidance, the injects or the backchannel', () => {
    const feed = mounted();
    const rendered = renderedBy(feed, (r) => r.ok(seat('p4'), { type: 'mood.show', mood: 'unsure' }));
    expect(rendered.length).toBeGreaterThan(0);
    for (const quiet of ['Transcript', 'Guidance', 'InjectsPanel', 'Backchannel'])
      expect(rendered).not.toContain(quiet);
  });
});
