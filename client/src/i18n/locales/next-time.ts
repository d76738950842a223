// "Next time" carried from a person's last session (under "roster.nextTime."):
// in a file of its own so the trainee's phone, which shows them in the lobby,
// loads these lines and not the whole roster screen's strings.
export const nextTime = {
  zh: {
    heading: '上一场演练后，专家建议你这次……',
    headingRoom: '学员带来的“下次改进”（上一场演练专家的建议）',
    from: '来自《{{scenario}}》',
    fromFor: '{{name}}：来自《{{scenario}}》',
  },
  en: {
    heading: 'After your last session, the experts suggested that this time you…',
    headingRoom: 'What the trainees bring from their last session (the experts’ “next time”)',
    from: 'From “{{scenario}}”',
    fromFor: '{{name}}: from “{{scenario}}”',
  },
};
