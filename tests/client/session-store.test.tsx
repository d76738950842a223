// @vitest-environment happy-dom
// The session store and the authority's use in components, in a DOM: the
// store fed with real patches of a driven meeting (tests/support/store-feed.ts),
// components rendered with @testing-library/react and read as a person would.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useRefusal } from '../../client/src/connection/may-send.ts';
import { CLOCK_SLACK_MS, useSession, viewArrived } from '../../client/src/connection/session-store.ts';
import { i18next } from '../../client/src/i18n/index.ts';
import { InjectsPanel } from '../../client/src/observer/InjectsPanel.tsx';
import '../../client/src/observer/strings.ts';
import { PlayedCards } from '../../client/src/observer/PlayedCards.tsx';
import type { LiveView } from '../../shared/views/types.ts';
import { StoreFeed } from '../support/store-feed.ts';
import { FACILITATOR, OBSERVER, seat, startedRoom, ViewRoom } from '../support/views-fixture.ts';

await i18next.changeLanguage('en');

afterEach(() => {
  cleanup();
  useSession.getState().disconnect();
});

const viewAt = (serverNow: number) => ({ serverNow }) as LiveView;

describe('the clock offset a view brings', () => {
  it('takes the first measurement, then ignores jitter within the slack and follows a real move', () => {
    // Server at 10 000, arriving at local 9 000: the server's clock is 1 000 ahead.
    expect(viewArrived(0, viewAt(10_000), 9_000).clockOffset).toBe(1_000);
    // 1 000 + 30 ms of jitter: still 1 000, so clocks do not re-render.
    expect(viewArrived(1_000, viewAt(20_030), 19_000).clockOffset).toBe(1_000);
    // Exactly at the slack: kept; one ms beyond: taken.
    expect(viewArrived(1_000, viewAt(20_000 + CLOCK_SLACK_MS), 19_000).clockOffset).toBe(1_000);
    expect(viewArrived(1_000, viewAt(20_001 + CLOCK_SLACK_MS), 19_000).clockOffset).toBe(1_251);
  });
});

describe('the store', () => {
  it('refuses to send before it is connected, with an answer rather than a throw', async () => {
    const ack = await useSession.getState().send({ type: 'hand.raise' });
    expect(ack).toEqual({ ok: false, error: { code: 'server/internal', message: 'not connected' } });
  });

  it('keeps a patched view whose untouched parts stay the same objects', () => {
    const feed = new StoreFeed(startedRoom().goto('talk'), { kind: 'observer', observerId: 'o1' });
    const before = useSession.getState().live;
    feed.step((r) => r.ok(seat('p2'), { type: 'hand.raise' }));
    const after = useSession.getState().live;
    expect(after?.item?.queue.map((e) => e.speaker)).toEqual([{ kind: 'participant', id: 'p2' }]);
    expect(after?.participants).toBe(before?.participants);
    expect(after?.record.ballots).toBe(before?.record.ballots);
  });

  it('dismiss clears the toast; disconnect forgets the views', () => {
    new StoreFeed(startedRoom(), { kind: 'facilitator' });
    useSession.setState({ error: { code: 'command/wrong_state', message: 'no' } });
    useSession.getState().dismiss();
    expect(useSession.getState().error).toBeUndefined();
    useSession.getState().disconnect();
    expect(useSession.getState()).toMatchObject({ status: 'idle', live: undefined, static: undefined });
  });
});

function Refusal({ command }: { command: Parameters<typeof useRefusal>[0] }) {
  return <output data-testid="refusal">{useRefusal(command) ?? 'allowed'}</output>;
}

describe('useRefusal follows the store', () => {
  it('answers for the viewer of the welcome, and changes with a patch', () => {
    const feed = new StoreFeed(startedRoom(), { kind: 'trainee', participantId: 'p2' });
    render(<Refusal command={{ type: 'hand.raise' }} />);
    // The opening statement: a fixed speakers list takes no hands.
    expect(screen.getByTestId('refusal').textContent).toBe('floor/not_listed');
    feed.step((r) => r.goto('talk'));
    expect(screen.getByTestId('refusal').textContent).toBe('allowed');
    feed.step((r) => r.ok(seat('p2'), { type: 'hand.raise' }));
    expect(screen.getByTestId('refusal').textContent).toBe('floor/already_queued');
    feed.step((r) => r.ok(seat('p2'), { type: 'hand.lower' }));
    expect(screen.getByTestId('refusal').textContent).toBe('allowed');
  });

  it('says "not connected" with no view', () => {
    render(<Refusal command={{ type: 'hand.raise' }} />);
    expect(screen.getByTestId('refusal').textContent).toBe('command/wrong_state');
  });
});

describe('buttons that ask the authority', () => {
  /** Expert o1 on the observer console of a started meeting, the open floor under way. */
  function observerRoom(): StoreFeed {
    const room = new ViewRoom();
    room.seat({ p1: 'chair', p2: 'owner_a', p3: 'owner_b' });
    room.coach({ kind: 'system' }, { type: 'observer.join', observerId: 'o1', name: 'Expert' });
    return new StoreFeed(room, { kind: 'observer', observerId: 'o1' });
  }

  it('a manual inject: the facilitator fires it, until observers are allowed to; then the button is there', () => {
    const feed = observerRoom();
    feed.step((r) => r.ok(FACILITATOR, { type: 'meeting.start' }).ok(seat('p1'), { type: 'meeting.begin' }));
    const scenario = feed.room.scenario;
    render(<InjectsPanel scenario={scenario} myId="o1" />);
    const call = () => screen.getByTestId('inject-call');
    expect(call().querySelector('[data-testid="inject-fire-call"]')).toBeNull();
    expect(call().textContent).toContain('The instructor fires this one');
    feed.step((r) => r.ok(FACILITATOR, { type: 'settings.update', observersMayFireInjects: true }));
    const fire = screen.getByTestId('inject-fire-call') as HTMLButtonElement;
    expect(fire.disabled).toBe(false);
    // Fired: no second fire button, and a respond button instead.
    feed.step((r) => r.ok(OBSERVER, { type: 'inject.fire', injectId: 'call' }));
    expect(screen.queryByTestId('inject-fire-call')).toBeNull();
    expect((screen.getByTestId('inject-respond-call') as HTMLButtonElement).disabled).toBe(false);
  });

  it('a card an expert plays: raising its hand is refused on a fixed speakers list, allowed on the open floor', () => {
    const feed = observerRoom();
    feed.step((r) =>
      r
        .ok(FACILITATOR, { type: 'card.assign_expert', roleId: 'tenant', observerId: 'o1' })
        .ok(FACILITATOR, { type: 'meeting.start' })
        .ok(seat('p1'), { type: 'meeting.begin' }),
    );
    render(<PlayedCards scenario={feed.room.scenario} myId="o1" />);
    const raise = () => screen.getByTestId('played-raise-tenant') as HTMLButtonElement;
    expect(raise().disabled).toBe(true); // the opening statement: a fixed list
    feed.step((r) => r.goto('talk'));
    expect(raise().disabled).toBe(false);
  });
});
