// Strings of the roster work (issue 19) under "roster.": staged release of
// scores, and (as they land) the roster, joining as oneself and the portfolio.
export const roster = {
  zh: {
    release: {
      button: '向学员公布评分',
      again: '再次公布（含本轮）',
      done: '已向学员公布第 1 至第 {{n}} 次演练的评分和改进建议。',
      failed: '公布失败：{{message}}',
      held: '培训师公布后，你会在这里看到专家的评分和建议。',
      heldExpert: '学员暂时看不到这次演练的评分和建议，培训师公布后才能看到。',
    },
    nextTime: {
      heading: '上一场演练后，专家建议你这次……',
      from: '来自《{{scenario}}》',
      fromFor: '{{name}}：来自《{{scenario}}》',
    },
  },
  en: {
    release: {
      button: 'Release scores to trainees',
      again: 'Release again (this attempt too)',
      done: 'The scores and advice of attempts 1 to {{n}} are released to the trainees.',
      failed: 'Could not release: {{message}}',
      held: 'You will see the experts’ scores and advice here once the instructor releases them.',
      heldExpert: 'Trainees do not see this attempt’s scores and advice until the instructor releases them.',
    },
    nextTime: {
      heading: 'After your last session, the experts suggested that this time you…',
      from: 'From “{{scenario}}”',
      fromFor: '{{name}}: from “{{scenario}}”',
    },
  },
};
