// Why a coaching command was refused, as stable codes (`area/reason`), like
// the meeting's (shared/meeting/errors.ts). No zod here: the trainee's phone
// loads this file with the coaching authority (may-coach.ts).
export const COACHING_ERRORS = {
  forbidden: 'auth/forbidden',
  unknownTip: 'tip/unknown',
  notRecipient: 'tip/not_recipient',
  alreadyAcked: 'tip/already_acked',
  duplicate: 'command/duplicate_id',
  unknownParticipant: 'seat/unknown_participant',
  standIn: 'coaching/stand_in',
  noCard: 'coaching/no_card',
  unknownCompetency: 'coaching/unknown_competency',
  offScale: 'coaching/off_scale',
} as const;
export type CoachingErrorCode = (typeof COACHING_ERRORS)[keyof typeof COACHING_ERRORS];

export interface CoachingRefusal {
  code: CoachingErrorCode;
  message: string;
}

export const refuseCoaching = (code: CoachingErrorCode, message: string): CoachingRefusal => ({
  code,
  message,
});
