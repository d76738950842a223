// What a trainee did, in words: the debrief's "what they did after a tip"
// on the screen and in the Markdown export name each command type this way,
// never by its internal name ("item.next"). One table for every command the
// log can hold, so a new command cannot reach a report without its words.
import type { LogPayload } from '../log/entry.ts';
import type { AnyCommand } from '../protocol/messages.ts';
import type { Language, LocalText } from '../scenario/index.ts';

type LoggedType = AnyCommand['type'] | LogPayload['command']['type'];

export const COMMAND_WORDS: Record<LoggedType, LocalText> = {
  'participant.join': { zh: '加入演练', en: 'joined the session' },
  'card.take': { zh: '领取角色卡', en: 'took a card' },
  'card.release': { zh: '放回角色卡', en: 'released a card' },
  'card.assign': { zh: '分配角色卡', en: 'assigned a card' },
  'cards.balance': { zh: '自动分配角色卡', en: 'balanced the cards' },
  'card.assign_expert': { zh: '请专家扮演角色卡', en: 'handed a card to an expert' },
  'card.release_expert': { zh: '收回专家扮演的角色卡', en: 'took a card back from an expert' },
  'card.play': { zh: '代角色行动', en: 'acted for a card' },
  'meeting.start': { zh: '开始读卡', en: 'started the briefing' },
  'meeting.begin': { zh: '宣布开会', en: 'opened the meeting' },
  'meeting.pause': { zh: '暂停会议', en: 'paused the meeting' },
  'meeting.resume': { zh: '继续会议', en: 'resumed the meeting' },
  'meeting.end': { zh: '宣布散会', en: 'closed the meeting' },
  'meeting.open_debrief': { zh: '开始复盘', en: 'opened the debrief' },
  'meeting.retake': { zh: '重新演练', en: 'started a retake' },
  'item.next': { zh: '进入下一项', en: 'moved to the next item' },
  'item.goto': { zh: '跳到议程', en: 'went to an item' },
  'item.extend': { zh: '延长议程', en: 'extended the item' },
  'hand.raise': { zh: '举手', en: 'raised a hand' },
  'hand.lower': { zh: '放下手', en: 'lowered the hand' },
  point_of_order: { zh: '提出程序问题', en: 'raised a point of order' },
  'floor.give': { zh: '给出发言权', en: 'gave the floor' },
  'floor.yield': { zh: '结束发言', en: 'yielded the floor' },
  'floor.cut': { zh: '打断发言', en: 'cut a speaker off' },
  'floor.extend': { zh: '延长发言', en: 'extended a turn' },
  'statement.post': { zh: '发言', en: 'spoke' },
  'npc.say': { zh: '以角色身份发言', en: 'spoke as a character' },
  'mood.show': { zh: '表态', en: 'showed a mood' },
  'candidate.nominate': { zh: '提名候选人', en: 'nominated a candidate' },
  'vote.open': { zh: '开始表决', en: 'opened the vote' },
  'vote.cast': { zh: '投票', en: 'voted' },
  'ballot.paper.enter': { zh: '录入书面表决票', en: 'entered a paper ballot' },
  'ballot.paper.correct': { zh: '更正书面表决票', en: 'corrected a paper ballot' },
  'ballot.tally.enter': { zh: '录入票箱统计', en: 'entered a ballot-box tally' },
  'ballot.tally.correct': { zh: '更正票箱统计', en: 'corrected a ballot-box tally' },
  'election.cast': { zh: '投选票', en: 'cast a ballot' },
  'vote.close': { zh: '结束表决', en: 'closed the vote' },
  'signup.commit': { zh: '报名认领', en: 'signed up' },
  'signup.withdraw': { zh: '撤回报名', en: 'withdrew a sign-up' },
  'action.record': { zh: '记录决定或行动', en: 'recorded a decision or action' },
  'inject.fire': { zh: '发出突发事件', en: 'fired an inject' },
  'inject.respond': { zh: '回应突发事件', en: 'answered an inject' },
  'settings.update': { zh: '修改设置', en: 'changed the settings' },
  'minutes.details': { zh: '填写会议地点和记录人', en: 'set the venue and the minute-taker' },
  'clock.tick': { zh: '到时', en: 'time ran out' },
  'observer.join': { zh: '进入观察席', en: 'joined the experts' },
  'tip.whisper': { zh: '发送提示', en: 'sent a tip' },
  'tip.broadcast': { zh: '发送全体提示', en: 'sent a hint to everyone' },
  'tip.delivered': { zh: '收到提示', en: 'received a tip' },
  'tip.read': { zh: '查看提示', en: 'read a tip' },
  'tip.ack': { zh: '确认收到提示', en: 'acknowledged a tip' },
  'marker.drop': { zh: '记下标记', en: 'dropped a marker' },
  'backchannel.say': { zh: '在专家频道留言', en: 'wrote to the experts' },
  'score.set': { zh: '评分', en: 'scored' },
  'plan.add': { zh: '写下改进建议', en: 'added a next-time item' },
};

const OTHER: LocalText = { zh: '其他操作', en: 'another action' };

/** "举手" / "raised a hand"; a type the table does not know reads as "another action", never as itself. */
export function commandInWords(type: string, lang: Language): string {
  return (Object.hasOwn(COMMAND_WORDS, type) ? COMMAND_WORDS[type as LoggedType] : OTHER)[lang];
}

/** The actions in order of first appearance, each with how often it came. */
export function summarizeActions(actions: readonly { type: string }[]): { type: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const a of actions) counts.set(a.type, (counts.get(a.type) ?? 0) + 1);
  return [...counts].map(([type, count]) => ({ type, count }));
}
