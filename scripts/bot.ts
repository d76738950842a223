// npm run bot -- --url URL --code JOINCODE --trainees N [--seed S] [--pace MS]
// Joins N simulated trainees who take cards and take part until the meeting ends.
import { parseArgs } from 'node:util';
import { runBot } from '../client/headless/bot.ts';
import { HeadlessClient } from '../client/headless/client.ts';
import { seededRandom } from '../shared/meeting/simulate.ts';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    code: { type: 'string' },
    trainees: { type: 'string', default: '6' },
    seed: { type: 'string', default: '1' },
    pace: { type: 'string', default: '250' },
  },
});
const count = Number(values.trainees);
const seed = Number(values.seed);
if (!values.code || !Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
  console.error('usage: npm run bot -- --url URL --code JOINCODE --trainees N [--seed S] [--pace MS]');
  process.exit(2);
}

const bots: HeadlessClient[] = [];
for (let i = 1; i <= count; i++) {
  const { client } = await HeadlessClient.join(values.url, values.code, `Bot ${i}`);
  bots.push(client);
  // Join one by one so each sees the cards the others took.
  await runBotUntilSeated(client, seed + i);
}
console.log(`${count} trainees joined ${values.code}; taking part until the meeting ends`);
const results = await Promise.all(
  bots.map((client, i) =>
    runBot(client, { random: seededRandom(seed * 1000 + i), pace: Number(values.pace) }),
  ),
);
const last = bots[0]?.live;
console.log(
  `meeting ${last?.phase}: ${last?.record.items.length ?? 0} items, ${last?.record.turnCount ?? 0} turns, ${last?.record.ballots.length ?? 0} ballots; ` +
    `${results.reduce((n, r) => n + r.commands, 0)} commands sent, ${results.reduce((n, r) => n + r.refused, 0)} refused`,
);
for (const client of bots) client.close();

async function runBotUntilSeated(client: HeadlessClient, botSeed: number) {
  const random = seededRandom(botSeed);
  const { decide } = await import('../client/headless/bot.ts');
  for (let attempt = 0; attempt < 5 && !client.live?.me?.card; attempt++) {
    const command = client.live ? decide(client.static, client.live, random, Date.now(), 0) : null;
    if (!command) break;
    await client.send(command);
    await client.until((live) => live.me?.card !== null || attempt > 3, 2000).catch(() => undefined);
  }
}
