// The JSON Schema editors use must match the zod schema, and every shipped
// scenario must point VS Code at it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildScenarioJsonSchema } from '../../../shared/scenario/json-schema.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const SCENARIOS = join(ROOT, 'scenarios');
const SCHEMA_FILE = join(SCENARIOS, 'scenario.schema.json');
const SCHEMA_LINE = '# yaml-language-server: $schema=./scenario.schema.json';

describe('scenarios/scenario.schema.json', () => {
  it('is up to date with the zod schema', () => {
    const onDisk: unknown = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'));
    // Compare as JSON: what the file holds is what JSON.stringify writes.
    const built: unknown = JSON.parse(JSON.stringify(buildScenarioJsonSchema()));
    expect(
      onDisk,
      'scenarios/scenario.schema.json is stale: run `npm run scenarios:schema` and commit the result',
    ).toStrictEqual(built);
  });

  it('describes the format: draft-07, the required top-level keys, strict maps that allow x- keys', () => {
    const schema = buildScenarioJsonSchema() as {
      $schema: string;
      required: string[];
      additionalProperties: boolean;
      patternProperties: Record<string, unknown>;
      properties: Record<string, unknown>;
    };
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect([...schema.required].sort()).toEqual(
      ['agenda', 'background', 'duration', 'id', 'meeting', 'roles', 'schema', 'summary', 'title'].sort(),
    );
    expect(schema.additionalProperties).toBe(false);
    expect(schema.patternProperties).toEqual({ '^x-': {} });
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['facts', 'handouts', 'rules', 'injects', 'rubric', 'debrief', 'tags']),
    );
  });
});

describe('shipped scenarios', () => {
  const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'));

  it('there are some', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  it.each(files)('%s starts with the yaml-language-server schema line', (file) => {
    const firstLine = readFileSync(join(SCENARIOS, file), 'utf8').split('\n')[0];
    expect(firstLine).toBe(SCHEMA_LINE);
  });
});
