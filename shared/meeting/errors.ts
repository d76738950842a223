// Why a command was refused, as stable codes (`area/reason`). A refused
// command changes nothing.
export const MEETING_ERRORS = {
  wrongState: 'command/wrong_state',
  forbidden: 'auth/forbidden',
  notChair: 'floor/not_chair',
  notFloorHolder: 'floor/not_holder',
  floorBusy: 'floor/busy',
  floorEmpty: 'floor/empty',
  notListed: 'floor/not_listed',
  alreadyQueued: 'floor/already_queued',
  notQueued: 'floor/not_queued',
  noMoreTurns: 'floor/no_more_turns',
  noCard: 'seat/no_card',
  unknownParticipant: 'seat/unknown_participant',
  unknownRole: 'seat/unknown_role',
  npcCard: 'seat/npc_card',
  cardFull: 'seat/card_full',
  cardHeld: 'seat/card_held',
  notStandIn: 'seat/not_stand_in',
  standIn: 'seat/stand_in',
  notYourCard: 'seat/not_your_card',
  notPlayable: 'seat/not_playable',
  unknownObserver: 'seat/unknown_observer',
  notNpc: 'npc/not_npc',
  requiredCards: 'meeting/required_cards',
  nobodyJoined: 'meeting/nobody_joined',
  unknownItem: 'item/unknown',
  notOpen: 'vote/not_open',
  closed: 'vote/closed',
  notEligible: 'vote/not_eligible',
  invalidOption: 'vote/invalid_option',
  tooManyChoices: 'vote/too_many_choices',
  unknownCandidate: 'vote/unknown_candidate',
  ballotFinal: 'vote/ballot_final',
  noCandidates: 'vote/no_candidates',
  notNominating: 'vote/not_nominating',
  alreadyNominated: 'vote/already_nominated',
  notYourOwner: 'vote/not_your_owner',
  alreadyVoted: 'vote/already_voted',
  unknownFlat: 'vote/unknown_flat',
  noElectorate: 'vote/no_electorate',
  notOnPaper: 'vote/not_on_paper',
  noUnlistedOwners: 'vote/no_unlisted_owners',
  tallyExceedsElectorate: 'vote/tally_exceeds_electorate',
  unknownTallyEntry: 'vote/unknown_tally_entry',
  unknownInject: 'inject/unknown',
  injectFired: 'inject/already_fired',
  injectNotFired: 'inject/not_fired',
  unknownAsk: 'signup/unknown_ask',
} as const;

export type MeetingErrorCode = (typeof MEETING_ERRORS)[keyof typeof MEETING_ERRORS];

export interface MeetingError {
  code: MeetingErrorCode;
  message: string;
}

export const refuse = (code: MeetingErrorCode, message: string): MeetingError => ({ code, message });
