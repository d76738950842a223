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
import { countBallot, isBallotItem, openBallot } from './ballots.ts';
import { advanceClock, isDue, shiftClocks } from './clock.ts';
import type { MeetingEvent } from './commands.ts';
import { emptyRecord, initialContext, type MeetingContext, sameSpeaker } from './context.ts';
import { isFloorItem, orderedQueue, turnFor, turnRecord } from './floor.ts';
import { fireInject, markResponded } from './injects.ts';
import { checkPreconditions, currentItem } from './preconditions.ts';
import { authorize } from './rights.ts';
import { withCard, withParticipant } from './seats.ts';

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
  const withItem = (
    ctx: MeetingContext,
    update: (item: NonNullable<MeetingContext['item']>) => NonNullable<MeetingContext['item']>,
  ) => (ctx.item ? { ...ctx, item: update(ctx.item) } : ctx);
  const endTurn = (ctx: MeetingContext, at: number, endedBy: 'yield' | 'cut') => {
    const state = ctx.item;
    const item = currentItem(scenario, ctx);
    if (!state?.floor || !item) return ctx;
    const turn = turnRecord(ctx, item.id, state.floor, at, endedBy);
    return {
      ...ctx,
      item: { ...state, floor: null, turnsTaken: state.turnsTaken + 1 },
      record: { ...ctx.record, turns: [...ctx.record.turns, turn] },
    };
  };

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
        return withItem(context, (item) => {
          const { timeUpAt: _, ...rest } = item;
          return { ...rest, deadline: Math.max(item.deadline ?? event.at, event.at) + event.seconds * 1000 };
        });
      }),
      closeMeeting: assign(({ context, event }) => closeMeeting(scenario, context, event.at)),
      pause: assign(({ context, event }) => ({
        ...context,
        pausedAt: event.at,
        record: { ...context.record, pauses: [...context.record.pauses, { from: event.at }] },
      })),
      resume: assign(({ context, event }) => {
        const shifted = shiftClocks(context, event.at - (context.pausedAt ?? event.at));
        const pauses = shifted.record.pauses.map((p, i, all) =>
          i === all.length - 1 ? { ...p, to: event.at } : p,
        );
        return { ...shifted, pausedAt: null, record: { ...shifted.record, pauses } };
      }),
      advanceClock: assign(({ context, event }) => advanceClock(scenario, context, event.at)),
      raiseHand: assign(({ context, event }) => {
        const { actor } = event;
        if (actor.kind !== 'participant') return context;
        const entry = {
          speaker: { kind: 'participant', id: actor.id } as const,
          pointOfOrder: event.type === 'point_of_order',
          raisedAt: event.at,
        };
        return withItem(context, (item) => ({ ...item, queue: [...item.queue, entry] }));
      }),
      // A point of order from someone already waiting moves them ahead with priority.
      dropFromQueue: assign(({ context, event }) => {
        const { actor } = event;
        if (actor.kind !== 'participant') return context;
        const me = { kind: 'participant', id: actor.id } as const;
        return withItem(context, (item) => ({
          ...item,
          queue: item.queue.filter((e) => !sameSpeaker(e.speaker, me)),
        }));
      }),
      giveFloor: assign(({ context, event }) => {
        assertEvent(event, 'floor.give');
        const item = currentItem(scenario, context);
        const state = context.item;
        if (!isFloorItem(item) || !state) return context;
        const { to } = event;
        // Calling a speaker by name takes their point of order first, if one is waiting.
        const entry = to
          ? (orderedQueue(item, state.queue, context.record).find((e) => sameSpeaker(e.speaker, to)) ?? {
              speaker: to,
              pointOfOrder: false,
              raisedAt: event.at,
            })
          : orderedQueue(item, state.queue, context.record)[0];
        if (!entry) return context;
        return {
          ...context,
          item: {
            ...state,
            // Only the entry called: a fixed list with several rounds keeps the speaker's later turns.
            // A regular turn also answers the speaker's own waiting point of order.
            queue: state.queue.filter(
              (e) =>
                e !== entry &&
                !(!entry.pointOfOrder && e.pointOfOrder && sameSpeaker(e.speaker, entry.speaker)),
            ),
            floor: turnFor(item, entry.speaker, event.at, entry.pointOfOrder),
          },
        };
      }),
      yieldFloor: assign(({ context, event }) => endTurn(context, event.at, 'yield')),
      cutFloor: assign(({ context, event }) => endTurn(context, event.at, 'cut')),
      extendFloor: assign(({ context, event }) => {
        assertEvent(event, 'floor.extend');
        return withItem(context, (item) => {
          if (!item.floor) return item;
          const { timeUpAt: _, ...floor } = item.floor;
          return {
            ...item,
            floor: {
              ...floor,
              deadline: Math.max(floor.deadline ?? event.at, event.at) + event.seconds * 1000,
            },
          };
        });
      }),
      postStatement: assign(({ context, event }) => {
        assertEvent(event, ['statement.post', 'npc.say']);
        const speaker =
          event.type === 'npc.say'
            ? ({ kind: 'npc', roleId: event.roleId } as const)
            : context.item?.floor?.speaker;
        if (!speaker) return context;
        const roleId =
          speaker.kind === 'npc' ? speaker.roleId : (context.participants[speaker.id]?.roleId ?? null);
        const itemId = currentItem(scenario, context)?.id ?? null;
        const statement = { item: itemId, speaker, roleId, text: event.text, at: event.at };
        return {
          ...context,
          record: { ...context.record, statements: [...context.record.statements, statement] },
        };
      }),
      showMood: assign(({ context, event }) => {
        assertEvent(event, 'mood.show');
        const p = event.actor.kind === 'participant' ? context.participants[event.actor.id] : undefined;
        return p
          ? { ...context, participants: { ...context.participants, [p.id]: { ...p, mood: event.mood } } }
          : context;
      }),
      nominate: assign(({ context, event }) => {
        assertEvent(event, 'candidate.nominate');
        return withItem(context, (item) =>
          item.ballot
            ? {
                ...item,
                ballot: { ...item.ballot, nominations: [...item.ballot.nominations, event.participantId] },
              }
            : item,
        );
      }),
      openBallot: assign(({ context, event }) => {
        const item = currentItem(scenario, context);
        if (!isBallotItem(item)) return context;
        return withItem(context, (state) =>
          state.ballot
            ? { ...state, ballot: openBallot(scenario, context, item, state.ballot, event.at) }
            : state,
        );
      }),
      castVote: assign(({ context, event }) => {
        assertEvent(event, ['vote.cast', 'election.cast']);
        const seat = event.actor.kind === 'participant' ? event.actor.id : '';
        return withItem(context, (item) => {
          if (!item.ballot) return item;
          return event.type === 'vote.cast'
            ? { ...item, ballot: { ...item.ballot, votes: { ...item.ballot.votes, [seat]: event.choice } } }
            : {
                ...item,
                ballot: { ...item.ballot, choices: { ...item.ballot.choices, [seat]: [...event.choices] } },
              };
        });
      }),
      closeBallot: assign(({ context, event }) => {
        const item = currentItem(scenario, context);
        const ballot = context.item?.ballot;
        if (!isBallotItem(item) || !ballot || !context.item) return context;
        const counted = countBallot(scenario, context, item, ballot, event.at);
        return {
          ...context,
          item: { ...context.item, ballot: { ...ballot, closedAt: event.at } },
          record: { ...context.record, ballots: [...context.record.ballots, counted] },
        };
      }),
      commitSignup: assign(({ context, event }) => {
        assertEvent(event, 'signup.commit');
        const item = currentItem(scenario, context);
        if (event.actor.kind !== 'participant' || !item) return context;
        const signup = { item: item.id, ask: event.ask, participant: event.actor.id, at: event.at };
        const others = context.record.signups.filter(
          (s) => !(s.item === item.id && s.ask === event.ask && s.participant === signup.participant),
        );
        return { ...context, record: { ...context.record, signups: [...others, signup] } };
      }),
      withdrawSignup: assign(({ context, event }) => {
        assertEvent(event, 'signup.withdraw');
        const item = currentItem(scenario, context);
        const who = event.actor.kind === 'participant' ? event.actor.id : '';
        const signups = context.record.signups.filter(
          (s) => !(s.item === item?.id && s.ask === event.ask && s.participant === who),
        );
        return { ...context, record: { ...context.record, signups } };
      }),
      recordAction: assign(({ context, event }) => {
        assertEvent(event, 'action.record');
        const action = {
          item: currentItem(scenario, context)?.id ?? null,
          kind: event.kind,
          what: event.what,
          ...(event.who !== undefined && { who: event.who }),
          ...(event.due !== undefined && { due: event.due }),
          at: event.at,
        };
        return { ...context, record: { ...context.record, actions: [...context.record.actions, action] } };
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
        return { ...context, observersMayFireInjects: event.observersMayFireInjects };
      }),
      retake: assign(({ context, event }) => {
        assertEvent(event, 'meeting.retake');
        const cards = Object.fromEntries(Object.values(context.participants).map((p) => [p.id, p.roleId]));
        const participants = Object.fromEntries(
          Object.values(context.participants).map((p) => [
            p.id,
            { ...p, mood: null, roleId: event.cards === 'keep' ? p.roleId : null },
          ]),
        );
        return {
          ...initialContext(event.at),
          attempt: context.attempt + 1,
          participants,
          observersMayFireInjects: context.observersMayFireInjects,
          record: emptyRecord(),
          earlierAttempts: [
            ...context.earlierAttempts,
            { attempt: context.attempt, record: context.record, cards },
          ],
        };
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
      'inject.respond': { guard: 'permitted', actions: ['stamp', 'respondInject'] },
    },
    states: {
      lobby: {
        on: {
          'card.take': { guard: 'permitted', actions: ['stamp', 'takeCard'] },
          'card.release': { guard: 'permitted', actions: ['stamp', 'releaseCard'] },
          'card.assign': { guard: 'permitted', actions: ['stamp', 'assignCard'] },
          'meeting.start': { guard: 'permitted', target: 'briefing', actions: ['stamp', 'startMeeting'] },
        },
      },
      briefing: {
        on: {
          'card.take': { guard: 'permitted', actions: ['stamp', 'takeCard'] },
          'card.release': { guard: 'permitted', actions: ['stamp', 'releaseCard'] },
          'card.assign': { guard: 'permitted', actions: ['stamp', 'assignCard'] },
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
                  'hand.lower': { guard: 'permitted', actions: ['stamp', 'dropFromQueue'] },
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
