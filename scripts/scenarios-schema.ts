// Writes scenarios/scenario.schema.json from the zod schema (npm run scenarios:schema).
import { writeFileSync } from 'node:fs';
import { buildScenarioJsonSchema } from '../shared/scenario/json-schema.ts';
import { parseCli } from './cli.ts';

parseCli({
  name: 'scenarios:schema',
  usage: `usage: npm run scenarios:schema

Writes scenarios/scenario.schema.json from the scenario format's zod schema
(editors use it to complete and check scenario files).

  -h, --help   this text`,
  options: {},
});

export const SCHEMA_PATH = new URL('../scenarios/scenario.schema.json', import.meta.url);
writeFileSync(SCHEMA_PATH, `${JSON.stringify(buildScenarioJsonSchema(), null, 2)}\n`);
console.log(`wrote ${SCHEMA_PATH.pathname}`);
