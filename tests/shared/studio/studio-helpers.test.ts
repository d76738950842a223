import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadScenarioSource } from '../../../shared/scenario/index.ts';
import { lineDiff } from '../../../shared/studio/line-diff.ts';
import { type StudioViewer, studioMay } from '../../../shared/studio/rights.ts';
import { cursorContext, keySuggestions, valueSuggestions } from '../../../shared/studio/schema-help.ts';
import { TEMPLATE_KINDS, templateSource } from '../../../shared/studio/templates.ts';
import { missingLanguage, textPairs } from '../../../shared/studio/text-pairs.ts';

describe('templates', () => {
  // The procedure each kind starts with (docs/scenario-format.md, "Meeting kinds").
  const procedure: Record<string, string[]> = {
    hearing: ['statement', 'statement', 'qa', 'speakers', 'vote', 'actions'],
    round_table: ['statement', 'speakers', 'open_floor', 'actions'],
    mobilization: ['statement', 'qa', 'signup', 'actions'],
    coordination: ['statement', 'speakers', 'open_floor', 'vote', 'actions'],
    assembly: ['statement', 'speakers', 'vote', 'actions'],
  };
  it.each([...TEMPLATE_KINDS])(
    '%s: valid as it stands, both languages, its procedure on the agenda',
    (kind) => {
      const result = loadScenarioSource(templateSource(kind, `new-${kind}`), 'x.yaml', `new-${kind}`);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.scenario.meeting).toBe(kind);
      expect(result.scenario.agenda.map((item) => item.kind)).toEqual(procedure[kind]);
      expect(textPairs(templateSource(kind, 'x')).filter(missingLanguage)).toEqual([]);
    },
  );
});

describe('line diff', () => {
  it('keeps common lines and marks what was removed and added', () => {
    expect(lineDiff('a\nb\nc\nd', 'a\nc\nx\nd')).toEqual([
      { kind: 'same', text: 'a' },
      { kind: 'removed', text: 'b' },
      { kind: 'same', text: 'c' },
      { kind: 'added', text: 'x' },
      { kind: 'same', text: 'd' },
    ]);
    expect(lineDiff('same', 'same')).toEqual([{ kind: 'same', text: 'same' }]);
  });
});

describe('texts side by side', () => {
  it('finds every Text with its line, and counts those missing a language', () => {
    const source = 'title: { zh: 标题, en: Title }\nsummary: only one\nbackground:\n  zh: 背景\nroles: []\n';
    const pairs = textPairs(source);
    expect(pairs.map((p) => [p.path, p.line, p.zh, p.en])).toEqual([
      ['title', 1, '标题', 'Title'],
      ['summary', 2, 'only one', 'only one'],
      ['background', 4, '背景', null],
    ]);
    expect(pairs.filter(missingLanguage).map((p) => p.path)).toEqual(['summary', 'background']);
  });
});

describe('completion from the schema', () => {
  const source =
    'roles:\n  - id: chair\n  - id: owner\nagenda:\n  - id: a\n    kind: vote\n    ru\n  - { id: b, kind: statement, speakers: [chair, ] }\n';
  const data = parseDocument(source).toJS();
  it("offers a vote item's keys only, as its kind decides", () => {
    const at = cursorContext(source, source.indexOf('    ru') + 6);
    expect(at).toMatchObject({ path: ['agenda', 0], atKey: true });
    const keys = keySuggestions(data, at?.path ?? []).map((s) => s.label);
    expect(keys).toContain('rule');
    expect(keys).toContain('motion');
    expect(keys).not.toContain('speakers');
    expect(keys).not.toContain('kind');
  });
  it('offers the file’s role ids for a speaker, and the item kinds for kind', () => {
    const at = cursorContext(source, source.indexOf('chair, ') + 7);
    expect(valueSuggestions(data, at?.path ?? []).map((s) => s.label)).toEqual(['chair', 'owner']);
    expect(valueSuggestions(data, ['agenda', 1, 'kind']).map((s) => s.label)).toEqual([
      'statement',
      'speakers',
      'open_floor',
      'qa',
      'vote',
      'election',
      'signup',
      'actions',
      'break',
    ]);
  });
});

describe('studio rights', () => {
  const read = { kind: 'read', scenarioId: 's', version: 2 } as const;
  it('instructors do everything; experts read only what their sessions run; no one else anything', () => {
    expect(studioMay({ kind: 'instructor' }, { kind: 'edit' })).toBe(true);
    const expert: StudioViewer = { kind: 'expert', sessions: [{ scenarioId: 's', version: 2 }] };
    expect(studioMay(expert, read)).toBe(true);
    expect(studioMay(expert, { ...read, version: 3 })).toBe(false);
    expect(studioMay(expert, { kind: 'list' })).toBe(false);
    expect(studioMay(expert, { kind: 'edit' })).toBe(false);
    for (const kind of ['trainee', 'projector', 'nobody'] as const)
      for (const action of [read, { kind: 'list' } as const, { kind: 'edit' } as const])
        expect(studioMay({ kind }, action)).toBe(false);
  });
});
