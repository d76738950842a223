// The meeting state machine (XState v5), built for one scenario:
//
//   lobby → briefing → meeting[running ⇄ paused] → closed → debrief → (retake) lobby
//
// Inside `running`, each agenda item routes by its kind to `floor` (idle ⇄
// speaking), `ballot` (pending → open → counted), `signup`, `actions` or
// `recess`. Every transition is guarded by `permitted` (rights and
// preconditions, pure functions shared with the error reporting); every
// action is a named, pure update of the context. Time comes only from events.
import { and, assertEvent, assign, setup } from 'xstate';
import type { Scenario } from '../scenario/index.ts';
import { closeMeeting, enterItem, itemIndex } from './agenda.ts';
import { isBallotItem } from './ballots.ts';
import { advanceClock, isDue } from './clock.ts';
import type { MeetingEvent } from './commands.ts';
import { initialContext, type MeetingContext } from './context.ts';
import { isFloorItem } from './floor.ts';
import { fireInject, markResponded } from './injects.ts';
import { checkPreconditions, currentItem } from './preconditions.ts';
import { authorize } from './rights.ts';
import { withCard, withParticipant } from './seats.ts';
import { withoutStandIn, withStandIn } from './stand-ins.ts';
import * as update from './updates.ts';

export function isPermitted(scenario: Scenario, context: MeetingContext, event: MeetingEvent): boolean {
  if (event.type === 'clock.tick') return event.actor.kind === 'system';
  return (
    authorize(scenario, context, event.actor, event) === null &&
    checkPreconditions(scenario, context, event.actor, event) === null
  );
}

export function createMeetingMachine(scenario: Scenario) {
  const kindIs =
    (kind: string) =>
    ({ context }: { context: MeetingContext }) =>
      currentItem(scenario, context)?.kind === kind;
  return setup({
    types: { context: {} as MeetingContext, events: {} as MeetingEvent },
    guards: {
      permitted: ({ context, event }) => isPermitted(scenario, context, event),
      due: ({ context, event }) => isDue(context, event.at),
      hasNextItem: ({ context }) => (context.item?.index ?? -1) + 1 < scenario.agenda.length,
      inFloorItem: ({ context }) => isFloorItem(currentItem(scenario, context)),
      inBallotItem: ({ context }) => isBallotItem(currentItem(scenario, context)),
      inSignupItem: kindIs('signup'),
      inActionsItem: kindIs('actions'),
    },
    actions: {
      stamp: assign({ now: ({ context, event }) => Math.max(context.now, event.at) }),
      join: assign(({ context, event }) => {
        assertEvent(event, 'participant.join');
        return withParticipant(context, event.participantId, event.name, event.at);
      }),
      takeCard: assign(({ context, event }) => {
        assertEvent(event, 'card.take');
        return event.actor.kind === 'participant' ? withCard(context, event.actor.id, event.roleId) : context;
      }),
      releaseCard: assign(({ context, event }) =>
        event.actor.kind === 'participant' ? withCard(context, event.actor.id, null) : context,
      ),
      assignCard: assign(({ context, event }) => {
        assertEvent(event, 'card.assign');
        return withCard(context, event.participantId, event.roleId);
      }),
      assignExpert: assign(({ context, event }) => {
        assertEvent(event, 'card.assign_expert');
        return withStandIn(context, event.roleId, event.observerId, event.at);
      }),
      releaseExpert: assign(({ context, event }) => {
        assertEvent(event, 'card.release_expert');
        return withoutStandIn(context, event.participantId);
      }),
      startMeeting: assign(({ context, event }) => ({
        ...context,
        record: { ...context.record, startedAt: event.at },
      })),
      enterFirstItem: assign(({ context, event }) => enterItem(scenario, context, 0, event.at)),
      enterNextItem: assign(({ context, event }) =>
        enterItem(scenario, context, (context.item?.index ?? -1) + 1, event.at),
      ),
      enterChosenItem: assign(({ context, event }) => {
        assertEvent(event, 'item.goto');
        return enterItem(scenario, context, itemIndex(scenario, event.itemId), event.at);
      }),
      extendItem: assign(({ context, event }) => {
        assertEvent(event, 'item.extend');
        return update.extendItem(context, event);
      }),
      closeMeeting: assign(({ context, event }) => closeMeeting(scenario, context, event.at)),
      pause: assign(({ context, event }) => update.pause(context, event.at)),
      resume: assign(({ context, event }) => update.resume(context, event.at)),
      advanceClock: assign(({ context, event }) => advanceClock(scenario, context, event.at)),
      raiseHand: assign(({ context, event }) => {
        assertEvent(event, ['hand.raise', 'point_of_order']);
        return update.raiseHand(context, event);
      }),
      lowerHand: assign(({ context, event }) => {
        assertEvent(event, 'hand.lower');
        return update.lowerHand(context, event);
      }),
      giveFloor: assign(({ context, event }) => {
        assertEvent(event, 'floor.give');
        return update.giveFloor(scenario, context, event);
      }),
      yieldFloor: assign(({ context, event }) => update.endTurn(scenario, context, event.at, 'yield')),
      cutFloor: assign(({ context, event }) => update.endTurn(scenario, context, event.at, 'cut')),
      extendFloor: assign(({ context, event }) => {
        assertEvent(event, 'floor.extend');
        return update.extendFloor(context, event);
      }),
      postStatement: assign(({ context, event }) => {
        assertEvent(event, ['statement.post', 'npc.say']);
        return update.postStatement(scenario, context, event);
      }),
      showMood: assign(({ context, event }) => {
        assertEvent(event, 'mood.show');
        return update.showMood(context, event);
      }),
      nominate: assign(({ context, event }) => {
        assertEvent(event, 'candidate.nominate');
        return update.nominate(context, event);
      }),
      openBallot: assign(({ context, event }) => update.openCurrentBallot(scenario, context, event.at)),
      castVote: assign(({ context, event }) => {
        assertEvent(event, ['vote.cast', 'election.cast']);
        return update.castBallot(scenario, context, event);
      }),
      enterPaper: assign(({ context, event }) => {
        assertEvent(event, [
          'ballot.paper.enter',
          'ballot.paper.correct',
          'ballot.tally.enter',
          'ballot.tally.correct',
        ]);
        return update.enterPaper(scenario, context, event);
      }),
      closeBallot: assign(({ context, event }) => update.closeCurrentBallot(scenario, context, event.at)),
      commitSignup: assign(({ context, event }) => {
        assertEvent(event, 'signup.commit');
        return update.commitSignup(scenario, context, event);
      }),
      withdrawSignup: assign(({ context, event }) => {
        assertEvent(event, 'signup.withdraw');
        return update.withdrawSignup(scenario, context, event);
      }),
      recordAction: assign(({ context, event }) => {
        assertEvent(event, 'action.record');
        return update.recordAction(scenario, context, event);
      }),
      fireInject: assign(({ context, event }) => {
        assertEvent(event, 'inject.fire');
        return fireInject(
          scenario,
          context,
          event.injectId,
          event.actor.kind === 'observer' ? 'observer' : 'facilitator',
          event.at,
        );
      }),
      respondInject: assign(({ context, event }) => {
        assertEvent(event, 'inject.respond');
        return markResponded(context, event.injectId, event.at);
      }),
      updateSettings: assign(({ context, event }) => {
        assertEvent(event, 'settings.update');
        return {
          ...context,
          observersMayFireInjects: event.observersMayFireInjects,
          injectors: event.injectors ?? null,
        };
      }),
      minutesDetails: assign(({ context, event }) => {
        assertEvent(event, 'minutes.details');
        return {
          ...context,
          minutesDetails: {
            ...(event.venue !== undefined && { venue: event.venue }),
            ...(event.recorder !== undefined && { recorder: event.recorder }),
          },
        };
      }),
      retake: assign(({ context, event }) => {
        assertEvent(event, 'meeting.retake');
        return update.retake(context, event);
      }),
    },
  }).createMachine({
    id: 'meeting',
    initial: 'lobby',
    context: initialContext(),
    on: {
      'participant.join': { guard: 'permitted', actions: ['stamp', 'join'] },
      'mood.show': { guard: 'permitted', actions: ['stamp', 'showMood'] },
      'settings.update': { guard: 'permitted', actions: ['stamp', 'updateSettings'] },
      'minutes.details': { guard: 'permitted', actions: ['stamp', 'minutesDetails'] },
      'inject.respond': { guard: 'permitted', actions: ['stamp', 'respondInject'] },
    },
    states: {
      lobby: {
        on: {
          'card.take': { guard: 'permitted', actions: ['stamp', 'takeCard'] },
          'card.release': { guard: 'permitted', actions: ['stamp', 'releaseCard'] },
          'card.assign': { guard: 'permitted', actions: ['stamp', 'assignCard'] },
          'card.assign_expert': { guard: 'permitted', actions: ['stamp', 'assignExpert'] },
          'card.release_expert': { guard: 'permitted', actions: ['stamp', 'releaseExpert'] },
          'meeting.start': { guard: 'permitted', target: 'briefing', actions: ['stamp', 'startMeeting'] },
        },
      },
      briefing: {
        on: {
          'card.take': { guard: 'permitted', actions: ['stamp', 'takeCard'] },
          'card.release': { guard: 'permitted', actions: ['stamp', 'releaseCard'] },
          'card.assign': { guard: 'permitted', actions: ['stamp', 'assignCard'] },
          'card.assign_expert': { guard: 'permitted', actions: ['stamp', 'assignExpert'] },
          'card.release_expert': { guard: 'permitted', actions: ['stamp', 'releaseExpert'] },
          'meeting.begin': { guard: 'permitted', target: 'meeting', actions: ['stamp', 'enterFirstItem'] },
          'meeting.end': { guard: 'permitted', target: 'closed', actions: ['stamp', 'closeMeeting'] },
        },
      },
      meeting: {
        initial: 'running',
        on: {
          'meeting.end': { guard: 'permitted', target: 'closed', actions: ['stamp', 'closeMeeting'] },
          'card.assign': { guard: 'permitted', actions: ['stamp', 'assignCard'] },
        },
        states: {
          running: {
            initial: 'route',
            on: {
              'meeting.pause': { guard: 'permitted', target: 'paused', actions: ['stamp', 'pause'] },
              'clock.tick': { guard: and(['permitted', 'due']), actions: ['stamp', 'advanceClock'] },
              'item.next': [
                {
                  guard: and(['permitted', 'hasNextItem']),
                  target: '.route',
                  reenter: true,
                  actions: ['stamp', 'enterNextItem'],
                },
                { guard: 'permitted', target: '#meeting.closed', actions: ['stamp', 'closeMeeting'] },
              ],
              'item.goto': {
                guard: 'permitted',
                target: '.route',
                reenter: true,
                actions: ['stamp', 'enterChosenItem'],
              },
              'item.extend': { guard: 'permitted', actions: ['stamp', 'extendItem'] },
              'npc.say': { guard: 'permitted', actions: ['stamp', 'postStatement'] },
              'action.record': { guard: 'permitted', actions: ['stamp', 'recordAction'] },
              'inject.fire': { guard: 'permitted', actions: ['stamp', 'fireInject'] },
            },
            states: {
              route: {
                always: [
                  { guard: 'inFloorItem', target: 'floor' },
                  { guard: 'inBallotItem', target: 'ballot' },
                  { guard: 'inSignupItem', target: 'signup' },
                  { guard: 'inActionsItem', target: 'actions' },
                  { target: 'recess' },
                ],
              },
              floor: {
                initial: 'idle',
                on: {
                  'hand.raise': { guard: 'permitted', actions: ['stamp', 'raiseHand'] },
                  'hand.lower': { guard: 'permitted', actions: ['stamp', 'lowerHand'] },
                  // A point of order waits ahead of the queue; the speaker keeps any regular turn too.
                  point_of_order: { guard: 'permitted', actions: ['stamp', 'raiseHand'] },
                },
                states: {
                  idle: {
                    on: {
                      'floor.give': {
                        guard: 'permitted',
                        target: 'speaking',
                        actions: ['stamp', 'giveFloor'],
                      },
                    },
                  },
                  speaking: {
                    on: {
                      'floor.yield': { guard: 'permitted', target: 'idle', actions: ['stamp', 'yieldFloor'] },
                      'floor.cut': { guard: 'permitted', target: 'idle', actions: ['stamp', 'cutFloor'] },
                      'floor.extend': { guard: 'permitted', actions: ['stamp', 'extendFloor'] },
                      'statement.post': { guard: 'permitted', actions: ['stamp', 'postStatement'] },
                    },
                  },
                },
              },
              ballot: {
                initial: 'pending',
                states: {
                  pending: {
                    on: {
                      'candidate.nominate': { guard: 'permitted', actions: ['stamp', 'nominate'] },
                      'vote.open': { guard: 'permitted', target: 'open', actions: ['stamp', 'openBallot'] },
                    },
                  },
                  open: {
                    on: {
                      'vote.cast': { guard: 'permitted', actions: ['stamp', 'castVote'] },
                      'election.cast': { guard: 'permitted', actions: ['stamp', 'castVote'] },
                      'ballot.paper.enter': { guard: 'permitted', actions: ['stamp', 'enterPaper'] },
                      'ballot.paper.correct': { guard: 'permitted', actions: ['stamp', 'enterPaper'] },
                      'ballot.tally.enter': { guard: 'permitted', actions: ['stamp', 'enterPaper'] },
                      'ballot.tally.correct': { guard: 'permitted', actions: ['stamp', 'enterPaper'] },
                      'vote.close': {
                        guard: 'permitted',
                        target: 'counted',
                        actions: ['stamp', 'closeBallot'],
                      },
                    },
                  },
                  counted: {},
                },
              },
              signup: {
                on: {
                  'signup.commit': { guard: 'permitted', actions: ['stamp', 'commitSignup'] },
                  'signup.withdraw': { guard: 'permitted', actions: ['stamp', 'withdrawSignup'] },
                },
              },
              actions: {},
              recess: {},
              history: { type: 'history', history: 'deep' },
            },
          },
          paused: {
            on: {
              'meeting.resume': {
                guard: 'permitted',
                target: 'running.history',
                actions: ['stamp', 'resume'],
              },
            },
          },
        },
      },
      closed: {
        on: {
          'meeting.open_debrief': { guard: 'permitted', target: 'debrief', actions: 'stamp' },
          'meeting.retake': { guard: 'permitted', target: 'lobby', actions: ['stamp', 'retake'] },
        },
      },
      debrief: {
        on: { 'meeting.retake': { guard: 'permitted', target: 'lobby', actions: ['stamp', 'retake'] } },
      },
    },
  });
}

export type MeetingMachine = ReturnType<typeof createMeetingMachine>;
