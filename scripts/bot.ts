// npm run bot -- --url URL --code JOINCODE --trainees N [--seed S] [--pace MS]
// Joins N simulated trainees who take cards and take part until the meeting ends.
import { runBot } from '../client/headless/bot.ts';
import { HeadlessClient } from '../client/headless/client.ts';
import { seededRandom } from '../shared/meeting/seeded-random.ts';
import { integerOption, parseCli, usageError } from './cli.ts';

const NAME = 'bot';
const { values } = parseCli({
  name: NAME,
  usage: `usage: npm run bot -- --code JOINCODE [--url URL] [--trainees N] [--seed S] [--pace MS]

Joins N simulated trainees to a session; they take cards and take part until the meeting ends.

  --code JOINCODE   the session's join code (required)
  --url URL         the server (default http://localhost:3000)
  --trainees N      how many trainees (default 6)
  --seed S          the random seed, for a repeatable run (default 1)
  --pace MS         milliseconds between a trainee's actions (default 250)
  -h, --help        this text`,
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    code: { type: 'string' },
    trainees: { type: 'string', default: '6' },
    seed: { type: 'string', default: '1' },
    pace: { type: 'string', default: '250' },
  },
});
if (!values.code) usageError(NAME, '--code is required: the join code shown on the console');
const count = integerOption(NAME, 'trainees', values.trainees, 1);
const seed = integerOption(NAME, 'seed', values.seed);
const pace = integerOption(NAME, 'pace', values.pace);

const bots: HeadlessClient[] = [];
for (let i = 1; i <= count; i++) {
  const { client } = await HeadlessClient.join(values.url, values.code, `Bot ${i}`);
  bots.push(client);
  // Join one by one so each sees the cards the others took.
  await runBotUntilSeated(client, seed + i);
}
console.log(`${count} trainees joined ${values.code}; taking part until the meeting ends`);
const results = await Promise.all(
  bots.map((client, i) => runBot(client, { random: seededRandom(seed * 1000 + i), pace })),
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
