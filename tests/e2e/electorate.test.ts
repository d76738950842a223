// The elevator vote against the whole building, in real headless Chromium:
// the room alone cannot reach the art. 278 quorum, the facilitator enters the
// returned household forms on the console (one mis-entered and corrected, one
// for an owner who already voted refused), and the chair's phone, the
// projector and the experts' screen show the quorum being reached as the
// forms come in. The vote passes; the minutes give both bases.
//
// Building 12 (scenario file): 12 owners, 744.6 m² (x01 flats 71.8, x02 flats 52.3).
// Quorum: at least 8 owners (12 × 2/3) and at least 496.4 m² (744.6 × 2/3).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import { Axe, BIG_SCREEN, LAPTOP, PHONE, phaseIs, stepper, WAIT } from '../support/e2e.ts';
import { e2eRoom, enterObserverRoom, ok, signInAsAdministrator } from '../support/e2e-room.ts';

const SCENARIO = 'elevator-coordination';

const room = e2eRoom();
const axe = new Axe();

const turnoutOf = (page: Page, testId: string) => page.getByTestId(testId);
const quorumIs = (page: Page, testId: string, state: 'met' | 'unmet') =>
  page.locator(`[data-testid="${testId}"][data-quorum="${state}"]`).waitFor({ timeout: WAIT });

describe('a vote of the electorate in real browsers', () => {
  it('reaches the quorum only once the household forms are entered', { timeout: 300_000 }, async () => {
    const step = stepper();

    // ── The facilitator creates the session; the chair joins on a phone ──
    const fac = await room.screens.open(LAPTOP, 'facilitator');
    await fac.goto(`${room.server.url}/facilitator`);
    await signInAsAdministrator(fac);
    await fac.getByTestId(`create-session-${SCENARIO}`).click();
    await fac.getByTestId('join-code').waitFor({ timeout: WAIT });
    const code = ((await fac.getByTestId('join-code').textContent()) ?? '').trim();
    const observerLink = (await fac.getByTestId('observer-link').getAttribute('href')) ?? '';

    const chair = await room.screens.open(PHONE, 'chair');
    await chair.goto(`${room.server.url}/join`);
    await chair.getByTestId('join-code-input').fill(code);
    await chair.getByTestId('join-name-input').fill('王老师');
    await chair.getByTestId('join-submit').click();
    await chair.getByTestId('card-option-secretary').getByTestId('take-card').click();
    await chair.locator('[data-testid="card-option-secretary"].mine').waitFor({ timeout: WAIT });

    // Five owners' cards, held by headless trainees: 101, 202, 602 (his mother's proxy),
    // 501 (the building leader) and the floors 3–5 crowd card (301, 302, 401, 402, 502).
    const cards = ['owner_101', 'owner_202', 'owner_602', 'building_lead', 'owners_3_5'] as const;
    const trainee: Record<(typeof cards)[number], HeadlessClient> = Object.fromEntries(
      await Promise.all(
        cards.map(async (card, i) => {
          const client = (await HeadlessClient.join(room.server.url, code, `学员${i + 1}`)).client;
          room.headless.push(client);
          await ok(client, { type: 'card.take', roleId: card });
          return [card, client] as const;
        }),
      ),
    ) as Record<(typeof cards)[number], HeadlessClient>;

    const projector = await room.screens.open(BIG_SCREEN, 'projector');
    await projector.goto(`${room.server.url}/projector?code=${code}`);
    const observer = await room.screens.open(LAPTOP, 'observer');
    await observer.goto(observerLink);
    await enterObserverRoom(observer, '李老师');
    step(`session ${code}: chair on a phone, five owner cards, projector and observer`);

    // ── Start, begin, go to the application vote, the chair opens it ──
    await expect.poll(() => fac.getByTestId('start-meeting').isEnabled(), { timeout: WAIT }).toBe(true);
    await fac.getByTestId('start-meeting').click();
    await phaseIs(fac, 'briefing');
    await chair.getByTestId('begin-meeting').click();
    await phaseIs(chair, 'running');
    await fac.getByTestId('goto-item').selectOption('vote_apply');
    await fac.getByTestId('goto-item-go').click();
    await fac.locator('[data-testid="current-item"][data-item="vote_apply"]').waitFor({ timeout: WAIT });
    await chair.getByTestId('chair-open-vote').click();
    await chair.getByTestId('chair-turnout').waitFor({ timeout: WAIT });

    // ── The room votes: 101 no; 202, 602, 501 yes; the crowd card splits: yes for 301 and 302 only ──
    await ok(trainee.owner_101, { type: 'vote.cast', choice: 'no' });
    await ok(trainee.owner_202, { type: 'vote.cast', choice: 'yes' });
    await ok(trainee.owner_602, { type: 'vote.cast', choice: 'yes' });
    await ok(trainee.building_lead, { type: 'vote.cast', choice: 'yes' });
    await ok(trainee.owners_3_5, { type: 'vote.cast', choice: 'yes', flats: ['301', '302'] });
    // Taking part: the room's 101 (71.8), 202 (52.3), 602 (52.3), 501 (71.8), 301 (71.8),
    // 302 (52.3) = 6 owners, 372.3 m², and 601's form posted before the meeting (71.8):
    // 7 owners, 444.1 m². 7 of 12 = 58.3% and 444.1 of 744.6 = 59.6%: short by 1 owner
    // (8 needed) and 52.3 m² (496.4 needed). Everyone in the room has voted; it is not enough.
    for (const [page, id] of [
      [chair, 'chair-turnout'],
      [projector, 'projector-turnout'],
      [observer, 'observer-turnout'],
      [fac, 'console-turnout'],
    ] as const) {
      await quorumIs(page, id, 'unmet');
      await expect.poll(() => turnoutOf(page, id).textContent(), { timeout: WAIT }).toContain('7 / 12');
      const text = (await turnoutOf(page, id).textContent()) ?? '';
      expect(text, id).toContain('444.1 / 744.6');
      expect(text, id).toContain('58.3%');
      expect(text, id).toContain('59.6%');
      expect(text, id).toContain('还差 1 人');
      expect(text, id).toContain('还差 52.3㎡');
    }
    await observer.getByTestId('vote-arithmetic').getByText('参与人数不足').waitFor({ timeout: WAIT });
    await axe.check(chair, 'chair panel (quorum not reached)');
    await axe.check(projector, 'projector (quorum not reached)');
    step('the room alone: 7 of 12 owners, 444.1 of 744.6 m² — no quorum');

    // ── The console: 201's form is entered as "no" by mistake, then corrected to "yes" ──
    const paper = fac.getByTestId('paper-ballots');
    await paper.waitFor({ timeout: WAIT });
    await fac.getByTestId('paper-flat').selectOption('201');
    await fac.getByTestId('paper-enter-no').click();
    await fac.getByTestId('paper-notice').getByText('已录入 201 孙建军：反对').waitFor({ timeout: WAIT });
    await fac.getByTestId('paper-correct-201-yes').click();
    await fac.getByTestId('paper-notice').getByText('已更正 201 孙建军：同意').waitFor({ timeout: WAIT });
    // A form for 101, who voted in the room: refused, and the room's ballot stands.
    await fac.getByTestId('paper-flat').selectOption('101');
    await fac.getByTestId('paper-enter-yes').click();
    await fac
      .getByTestId('paper-notice')
      .getByText('101 陈国华：这户业主已经投过票：一户一票，以先计入的为准')
      .waitFor({ timeout: WAIT });
    await fac.locator('[data-testid="owner-201"][data-source="paper"]').waitFor({ timeout: WAIT });
    expect(await fac.getByTestId('owner-101').getAttribute('data-source')).toBe('room');
    await axe.check(fac, 'facilitator console (paper ballots)');

    // 201 (71.8 m²) joins: 8 owners (8 × 3 = 24 ≥ 12 × 2 = 24, exactly 2/3) and 515.9 m²
    // (515.9 × 3 = 1,547.7 ≥ 744.6 × 2 = 1,489.2): 66.7% and 69.3%. The quorum is reached.
    for (const [page, id] of [
      [chair, 'chair-turnout'],
      [projector, 'projector-turnout'],
      [observer, 'observer-turnout'],
      [fac, 'console-turnout'],
    ] as const) {
      await quorumIs(page, id, 'met');
      const text = (await turnoutOf(page, id).textContent()) ?? '';
      expect(text, id).toContain('8 / 12');
      expect(text, id).toContain('515.9 / 744.6');
      expect(text, id).toContain('66.7%');
      expect(text, id).toContain('69.3%');
    }
    await axe.check(observer, 'observer (quorum reached)');
    step('household form entered, corrected; a duplicate refused; 8 of 12 owners, 515.9 m² — quorum');

    // ── The chair closes the vote ──
    // Consent of those taking part: yes 202, 602, 501, 301, 302, 601, 201 = 7 of 8 = 87.5%;
    // area 515.9 − 71.8 (101) = 444.1 of 515.9 = 86.1%. Both ≥ 3/4: the motion passes.
    await chair.getByTestId('chair-close-vote').click();
    const result = projector.getByTestId('projector-result');
    await result.getByText('表决通过').waitFor({ timeout: WAIT });
    const shown = (await result.textContent()) ?? '';
    expect(shown).toContain('12号楼全体业主 12 人、744.6㎡；参与表决 8 人、515.9㎡');
    expect(shown).toContain('86.1%');
    expect(shown).toContain('87.5%');
    await axe.check(projector, 'projector (result)');

    // ── The minutes on the experts' debrief: both bases, how the ballots came in, the correction ──
    await fac.getByTestId('end-meeting').click();
    await fac.getByTestId('confirm-end').click();
    await phaseIs(fac, 'closed');
    await observer.getByTestId('observer-debrief-link').click();
    const minutes = observer.getByTestId('minutes');
    await minutes.waitFor({ timeout: WAIT });
    await expect
      .poll(() => minutes.textContent(), { timeout: WAIT })
      .toContain(
        '12号楼全体业主 12 人、744.6㎡；参与表决 8 人、515.9㎡（会场投票 6 人、372.3㎡，会前交回书面表决票 1 人、71.8㎡，会上交回书面表决票 1 人、71.8㎡；其中委托投票 1 人），其中同意 7 人、444.1㎡，反对 1 人、71.8㎡，弃权 0 人、0㎡；未参与表决 4 人、228.7㎡。',
      );
    const text = (await minutes.textContent()) ?? '';
    expect(text).toContain('参与表决面积占全体业主面积 69.3%，参与表决人数占全体业主人数 66.7%');
    expect(text).toContain('书面表决票更正：201（反对→同意）');
    step('vote counted and shown; the minutes give both bases');

    axe.report();
    expect(room.screens.pageErrors).toEqual([]);
  });
});
