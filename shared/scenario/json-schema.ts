// The JSON Schema editors use (VS Code with the YAML extension reads it from
// the first line of each scenario file), generated from the zod schema so the
// two never drift apart.
import { z } from 'zod';
import { scenarioFileSchema } from './schema.ts';

type JsonSchema = { [key: string]: unknown };

export function buildScenarioJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(scenarioFileSchema, {
    io: 'input',
    target: 'draft-07',
    unrepresentable: 'any',
  });
  allowExtensionKeys(schema);
  return {
    ...schema,
    $id: 'https://civic-rehearsal.local/scenario.schema.json',
    title: 'Civic Rehearsal scenario (format version 1)',
    description:
      'A meeting scenario: role cards, agenda, rules, injects, rubric. See docs/scenario-format.md.',
  };
}

/** Strict maps still accept `x-` keys, which the format keeps and ignores. */
function allowExtensionKeys(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) allowExtensionKeys(child);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as JsonSchema;
  if (record.type === 'object' && record.additionalProperties === false) {
    record.patternProperties = { '^x-': {} };
  }
  for (const child of Object.values(record)) allowExtensionKeys(child);
}
