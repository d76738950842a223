// The few debrief strings other screens show before any debrief is open (the
// link into it, the "next time" card in the lobby), under the "debrief." key
// beside debrief.ts: a trainee's phone carries these, not the whole debrief's.
export const debriefLinks = {
  zh: {
    link: {
      trainee: '查看我的复盘',
      traineeHint: '时间线、专家评分、改进建议和会议纪要',
      facilitator: '打开复盘页',
      observer: '复盘',
    },
    nextTime: { heading: '上次专家建议你下次……', attempt: '第 {{n}} 次演练后' },
  },
  en: {
    link: {
      trainee: 'See my debrief',
      traineeHint: 'Timeline, expert scores, advice and minutes',
      facilitator: 'Open the debrief',
      observer: 'Debrief',
    },
    nextTime: {
      heading: 'Last time, the experts suggested that next time you…',
      attempt: 'After attempt {{n}}',
    },
  },
};
