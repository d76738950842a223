// A short-handed class in real Chromium: the facilitator reads the
// elevator-coordination card ("需 6–7 名学员") and its preview (roles'
// public sides, the agenda and its total), creates the session from the
// preview; four trainees take four cards (one on a phone, three headless);
// the console's start blocker names the two required cards nobody holds and
// hands them to the expert on the observer screen; the expert raises one
// card's hand, speaks when the chair gives it the floor, and casts its
// ballot. The trainee's phone and the projector show the character, never the
// expert. axe-core runs on the new screens.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { HeadlessClient } from '../../client/headless/client.ts';
import { Axe, BIG_SCREEN, LAPTOP, PHONE, stepper, WAIT } from '../support/e2e.ts';
import { e2eRoom, enterObserverRoom, ok, signInAsAdministrator } from '../support/e2e-room.ts';

const SCENARIO = 'elevator-coordination';
const EXPERT = '李老师';
const SAID = '我妈妈四个月没下过楼了，今天必须有个结果。';

const room = e2eRoom();
const axeChecker = new Axe();

const bodyText = async (page: Page) => (await page.locator('body').textContent()) ?? '';

describe('a short-handed class in real browsers', () => {
  it('four trainees; the expert plays the two missing required cards', { timeout: 300_000 }, async () => {
    const step = stepper();

    // ── The desk: the card's trainee count, the preview, a session from it ──
    const fac = await room.screens.open(LAPTOP, 'facilitator');
    await fac.goto(`${room.server.url}/facilitator`);
    await signInAsAdministrator(fac);
    await fac.getByTestId(`trainees-${SCENARIO}`).waitFor({ timeout: WAIT });
    // Six required cards; seven trainee cards in all.
    expect(await fac.getByTestId(`trainees-${SCENARIO}`).textContent()).toBe('需 6–7 名学员');
    await fac.getByTestId(`preview-open-${SCENARIO}`).click();
    const preview = fac.getByTestId(`preview-${SCENARIO}`);
    await preview.getByTestId('preview-total').waitFor({ timeout: WAIT });
    expect(await preview.getByTestId('preview-size').textContent()).toContain(
      '至少 6 名学员即可开始，7 名最合适，最多 11 名',
    );
    // The agenda's time boxes: 4 + 8 + 15 + 14 + 8 + 6 + 10 minutes.
    expect(await preview.getByTestId('preview-total').textContent()).toBe('议程合计 65 分钟');
    expect(await preview.getByTestId('preview-role-owner_602').textContent()).toContain(
      '持母亲签字的书面委托书代为参会和表决',
    );
    expect(await preview.getByTestId('preview-role-contractor').textContent()).toContain('由专家扮演');
    // Public sides only: the private brief of 602 stays out.
    expect(await preview.textContent()).not.toContain('养老院');
    await axeChecker.check(fac, 'facilitator desk, scenario preview');
    await fac.getByTestId(`preview-create-session-${SCENARIO}`).click();
    await fac.getByTestId('join-code').waitFor({ timeout: WAIT });
    const code = ((await fac.getByTestId('join-code').textContent()) ?? '').trim();
    const observerLink = (await fac.getByTestId('observer-link').getAttribute('href')) as string;
    step(`session ${code} created from the preview`);

    // ── The expert, the projector, four trainees ──
    const observer = await room.screens.open(LAPTOP, 'observer');
    await observer.goto(observerLink);
    await enterObserverRoom(observer, EXPERT);
    const projector = await room.screens.open(BIG_SCREEN, 'projector');
    await projector.goto(`${room.server.url}/projector?code=${code}`);
    await projector.getByTestId('projector-code').waitFor({ timeout: WAIT });

    const phone = await room.screens.open(PHONE, 'trainee 陈同学');
    await phone.goto(`${room.server.url}/join?code=${code}`);
    await phone.getByTestId('join-name-input').fill('陈同学');
    await phone.getByTestId('join-submit').click();
    await phone.getByTestId('card-option-owner_101').getByTestId('take-card').click();
    await phone.locator('[data-testid="card-option-owner_101"].mine').waitFor({ timeout: WAIT });
    const seated: Record<string, HeadlessClient> = {};
    for (const [name, card] of [
      ['王同学', 'secretary'],
      ['刘同学', 'owner_202'],
      ['黄同学', 'building_lead'],
    ] as const) {
      const { client } = await HeadlessClient.join(room.server.url, code, name);
      room.headless.push(client);
      await ok(client, { type: 'card.take', roleId: card });
      seated[card] = client;
    }
    const chair = seated.secretary as HeadlessClient;
    step('four trainees hold four cards');

    // ── The start blocker names the missing cards and hands them to the expert ──
    const reason = fac.locator('#start-reason');
    await reason.getByTestId('blocker-owners_3_5').waitFor({ timeout: WAIT });
    expect(await fac.getByTestId('start-meeting').isDisabled()).toBe(true);
    expect(await reason.textContent()).toContain('周建平');
    await axeChecker.check(fac, 'console, start blocked, cards to hand to experts');
    for (const card of ['owner_602', 'owners_3_5']) {
      const row = reason.getByTestId(`blocker-${card}`);
      expect(await row.getByTestId(`expert-pick-${card}`).inputValue()).not.toBe('');
      await row.getByTestId(`expert-give-${card}`).click();
      await fac.getByTestId(`stand-in-${card}`).waitFor({ timeout: WAIT });
    }
    expect(await fac.getByTestId('stand-in-owner_602').textContent()).toContain(`由专家 ${EXPERT} 扮演`);
    await fac.getByTestId('start-meeting').click();
    // The click's command travels from the browser: the chair begins once the room has seen it start.
    await chair.until((l) => l.phase === 'briefing');
    await ok(chair, { type: 'meeting.begin' });
    step('cards handed to the expert; the meeting begins');

    // ── The expert plays 602: raises its hand, is given the floor, speaks, yields ──
    await ok(chair, { type: 'item.goto', itemId: 'cost_sharing' });
    const played = observer.getByTestId('played-owner_602');
    await played.getByTestId('played-raise-owner_602').click();
    await chair.until((l) => (l.item?.queue.length ?? 0) === 1);
    await ok(chair, { type: 'floor.give' });
    // The room sees 周建平 take the floor: the character, never the expert.
    for (const [who, page] of [
      ['the trainee phone', phone],
      ['the projector', projector],
    ] as const) {
      await page.getByText('周建平', { exact: false }).first().waitFor({ timeout: WAIT });
      expect(await bodyText(page), who).not.toContain(EXPERT);
    }
    await played.getByTestId('played-text-owner_602').fill(SAID);
    await axeChecker.check(observer, 'observer, playing a card');
    await played.getByTestId('played-say-owner_602').click();
    await chair.until((l) => l.record.statements.some((s) => s.text === SAID));
    await played.getByTestId('played-yield-owner_602').click();
    await chair.until((l) => l.record.turns.length === 1);
    step('the expert spoke as 周建平');

    // ── The vote: the expert casts 602's ballot ──
    await ok(chair, { type: 'item.goto', itemId: 'vote_apply' });
    await ok(chair, { type: 'vote.open' });
    await played.getByTestId('played-vote-owner_602-yes').click();
    const live = await chair.until((l) => l.item?.ballot?.castCount === 1);
    const standIn = live.participants.find((p) => p.roleId === 'owner_602');
    expect(standIn).toMatchObject({ name: '', online: true });
    expect(Object.keys(standIn ?? {}).sort()).toEqual(['id', 'mood', 'name', 'online', 'roleId']);
    await phone.getByTestId('ballot').waitFor({ timeout: WAIT });
    expect(await bodyText(phone)).not.toContain(EXPERT);
    expect(await bodyText(projector)).not.toContain(EXPERT);
    step('the expert cast 602’s ballot');

    axeChecker.report();
    expect(room.screens.pageErrors).toEqual([]);
  });
});
