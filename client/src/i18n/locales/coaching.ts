// Words for the coaching authority's refusals (shared/coaching/errors.ts)
// that common.ts does not have, merged into "errors." by the screens that can
// get them: the trainee's phone only the one a trainee can get (kept apart so
// the phone's chunk carries no more), the coaching screens all of them.
export const traineeCoachingErrors = {
  zh: { 'tip/already_acked': '你已经确认收到这条提示了' },
  en: { 'tip/already_acked': 'You have acknowledged this tip already' },
};

export const coachingErrors = {
  zh: {
    ...traineeCoachingErrors.zh,
    'coaching/stand_in': '这张卡由专家扮演：提示、记录和评分只针对学员',
    'coaching/no_card': '这位学员还没有领取角色卡，暂时不能记录或评分',
    'coaching/unknown_competency': '评分表中没有这项能力',
    'coaching/off_scale': '这个分数不在评分表的范围内',
  },
  en: {
    ...traineeCoachingErrors.en,
    'coaching/stand_in': 'An expert plays this card: tips, markers and scores are for trainees',
    'coaching/no_card': 'This trainee holds no card yet, so there is nothing to mark or score',
    'coaching/unknown_competency': 'The rubric has no such competency',
    'coaching/off_scale': 'This score is not on the rubric’s scale',
  },
};
