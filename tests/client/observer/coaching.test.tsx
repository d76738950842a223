// @vitest-environment happy-dom
// The observer's coaching controls as the coaching authority
// (shared/coaching/may-coach.ts) answers on the observer's own view, fed to
// the store patch by patch as the socket would (tests/support/store-feed.ts):
// whom a tip, a marker or a score may be for, and a control disabled with the
// reason in words when the answer changes under it.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { i18next } from '../../../client/src/i18n/index.ts';
import { Backchannel } from '../../../client/src/observer/Backchannel.tsx';
import { Composer } from '../../../client/src/observer/Composer.tsx';
import { Markers } from '../../../client/src/observer/Markers.tsx';
import { ScoringPanel } from '../../../client/src/observer/ScoringPanel.tsx';
import '../../../client/src/observer/strings.ts';
import { StoreFeed } from '../../support/store-feed.ts';
import { FACILITATOR, seat, ViewRoom } from '../../support/views-fixture.ts';

await i18next.changeLanguage('en');
afterEach(cleanup);

/** Chair p1, owner_b p2, p3 without a card; expert o1 plays owner_a; the meeting under way. */
function coachingRoom(): ViewRoom {
  return new ViewRoom()
    .coach({ kind: 'system' }, { type: 'observer.join', observerId: 'o1', name: 'Expert' })
    .seat({ p1: 'chair', p2: 'owner_b', p3: null })
    .ok(FACILITATOR, { type: 'card.assign_expert', roleId: 'owner_a', observerId: 'o1' })
    .ok(FACILITATOR, { type: 'meeting.start' })
    .ok(seat('p1'), { type: 'meeting.begin' });
}

const optionNames = (select: HTMLElement) =>
  within(select)
    .getAllByRole('option')
    .map((o) => o.textContent);

describe('markers', () => {
  it('are about the room or a trainee holding a card; a card taken back disables them, saying why', () => {
    const feed = new StoreFeed(coachingRoom(), { kind: 'observer', observerId: 'o1' });
    render(<Markers scenario={feed.room.scenario} myId="o1" />);
    const target = screen.getByTestId('marker-target');
    // Not p3 (no card), not the card the expert plays.
    expect(optionNames(target)).toEqual(['The whole room', 'Name p1 · chair', 'Name p2 · owner_b']);
    fireEvent.change(target, { target: { value: 'p2' } });
    const strength = screen.getByTestId('marker-mass_work-strength') as HTMLButtonElement;
    expect(strength.disabled).toBe(false);
    expect(screen.queryByTestId('marker-refused')).toBeNull();

    feed.step((r) => r.ok(FACILITATOR, { type: 'card.assign', participantId: 'p2', roleId: null }));
    expect((screen.getByTestId('marker-mass_work-strength') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('marker-emergency-needs_work') as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId('marker-refused').textContent).toBe(
      'This trainee holds no card yet, so there is nothing to mark or score',
    );
    // Back to the room: markers again.
    fireEvent.change(screen.getByTestId('marker-target'), { target: { value: '' } });
    expect((screen.getByTestId('marker-mass_work-strength') as HTMLButtonElement).disabled).toBe(false);
    expect(screen.queryByTestId('marker-refused')).toBeNull();
  });
});

describe('the composer', () => {
  it('whispers to trainees, card or not, never to the card an expert plays', () => {
    const feed = new StoreFeed(coachingRoom(), { kind: 'observer', observerId: 'o1' });
    render(<Composer scenario={feed.room.scenario} myId="o1" />);
    expect(optionNames(screen.getByTestId('composer-target'))).toEqual([
      '— choose a trainee —',
      'Name p1 · chair',
      'Name p2 · owner_b',
      'Name p3',
    ]);
    const send = screen.getByTestId('composer-send') as HTMLButtonElement;
    fireEvent.change(screen.getByTestId('composer-text'), { target: { value: 'Ask the ground floor' } });
    expect(send.disabled).toBe(true); // nobody chosen yet
    fireEvent.change(screen.getByTestId('composer-target'), { target: { value: 'p3' } });
    expect(send.disabled).toBe(false);
    expect(screen.queryByTestId('composer-refused')).toBeNull();
  });
});

describe('the rubric', () => {
  it('has a row for each trainee holding a card, not for one without or the card an expert plays', () => {
    const feed = new StoreFeed(coachingRoom(), { kind: 'observer', observerId: 'o1' });
    render(<ScoringPanel scenario={feed.room.scenario} myId="o1" />);
    const rows = screen.getAllByRole('row').slice(1); // the header row first
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Name p1chair',
      'Name p2owner_b',
    ]);
    feed.step((r) => r.ok(FACILITATOR, { type: 'card.assign', participantId: 'p3', roleId: 'tenant' }));
    expect(screen.getAllByRole('row')).toHaveLength(4);
  });
});

describe('the backchannel', () => {
  it('is open to an expert once there is something to say', () => {
    const feed = new StoreFeed(coachingRoom(), { kind: 'observer', observerId: 'o1' });
    render(<Backchannel scenario={feed.room.scenario} myId="o1" />);
    const send = screen.getByTestId('backchannel-send') as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('backchannel-input'), { target: { value: 'Watch the time' } });
    expect(send.disabled).toBe(false);
    expect(screen.queryByTestId('backchannel-refused')).toBeNull();
  });
});
