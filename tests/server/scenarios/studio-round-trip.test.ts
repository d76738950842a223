// Every shipped scenario imported into the studio and exported again is the
// same file: the same meaning (the normalised scenario's hash), its comments
// and its key order — and scenarios:check accepts the export as it is.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isScalar, parseDocument } from 'yaml';
import { listScenarioFiles, ScenarioLibrary } from '../../../server/scenarios/library.ts';
import { scenarioHash } from '../../../server/scenarios/scenario-hash.ts';
import { Studio } from '../../../server/scenarios/studio.ts';
import { withId } from '../../../server/scenarios/studio-texts.ts';
import { SqliteStorage } from '../../../server/storage/sqlite-storage.ts';
import { loadScenarioSource } from '../../../shared/scenario/index.ts';

const shipped = listScenarioFiles('scenarios').map((path) => ({
  name: path.replace(/^.*\//, ''),
  text: readFileSync(path, 'utf8'),
}));
const meaning = (id: string, text: string) => {
  const result = loadScenarioSource(text, `${id}.yaml`, id);
  if (!result.ok) throw new Error(`${id} does not load`);
  return scenarioHash(result.scenario);
};
const comments = (text: string) => text.split('\n').filter((line) => /^\s*#/.test(line) || / #/.test(line));
const topKeys = (text: string) => {
  const contents = parseDocument(text).contents;
  return isMap(contents) ? contents.items.map((p) => (isScalar(p.key) ? p.key.value : null)) : [];
};

describe('import and export', () => {
  // A library without the shipped files, so their ids are free to import under.
  const studio = new Studio(SqliteStorage.memory().scenarioStore(), new ScenarioLibrary());
  const imported = studio.import(shipped, { kind: 'instructor' });

  it('imports every shipped scenario, valid', () => {
    expect(shipped.length).toBeGreaterThanOrEqual(5);
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(imported.value.map((v) => [v.id, v.version, v.issues.length])).toEqual(
      shipped.map((f) => [f.name.replace(/\.yaml$/, ''), 1, 0]),
    );
  });

  for (const file of shipped) {
    const id = file.name.replace(/\.yaml$/, '');
    it(`exports ${id} with the same meaning, comments and key order`, () => {
      const exported = studio.read(id, 1);
      expect(exported.ok).toBe(true);
      if (!exported.ok) return;
      const text = exported.value.source;
      expect(meaning(id, text)).toBe(meaning(id, file.text));
      expect(comments(text)).toEqual(comments(file.text));
      expect(comments(text).length).toBeGreaterThan(0);
      expect(topKeys(text)).toEqual(topKeys(file.text));
      expect(text).toBe(file.text);
    });
  }

  it('scenarios:check accepts every export as <id>.yaml', () => {
    const dir = mkdtempSync(join(tmpdir(), 'civic-export-'));
    const paths = shipped.map((file) => {
      const id = file.name.replace(/\.yaml$/, '');
      const exported = studio.read(id, 1);
      const path = join(dir, `${id}.yaml`);
      writeFileSync(path, exported.ok ? exported.value.source : '');
      return path;
    });
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/scenarios-check.ts', ...paths], {
      encoding: 'utf8',
    });
    expect(out).toContain(`${shipped.length} valid, 0 invalid`);
  });

  it('a duplicate changes the id and nothing else: comments, order and meaning stay', () => {
    const file = shipped[0];
    if (!file) throw new Error('no shipped scenario');
    const id = file.name.replace(/\.yaml$/, '');
    const copy = withId(file.text, `${id}-copy`);
    const changed = copy.split('\n').filter((line, i) => line !== file.text.split('\n')[i]);
    expect(changed).toEqual([`id: ${id}-copy`]);
    const original = loadScenarioSource(file.text, 'a.yaml', id);
    const duplicated = loadScenarioSource(copy, 'b.yaml', `${id}-copy`);
    if (!original.ok || !duplicated.ok) throw new Error('does not load');
    expect({ ...duplicated.scenario, id }).toEqual(original.scenario);
  });
});
