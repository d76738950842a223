// What counts as an internal name in text people read, for the scans of
// screens, exports and scenario texts (tests/e2e/names.test.ts,
// tests/scenarios/texts.test.ts):
//   - a `snake_case` or dotted name (`item.next`, `owners_special`), in any language;
//   - one of the scenario's own ids (cards, agenda items, injects, rules,
//     competencies, handouts) that cannot pass for a word: with "_", "-", "."
//     or a digit (`building_lead`, `child-injured`), in any language;
//   - in Chinese text, any lowercase Latin word at all (`contractor`,
//     `balance`, `lobby`): Chinese screens have no business with them.
// Plain-word ids in English text ("the chair") cannot be told from English
// and are left to the Chinese scan, which sees every screen too.
import type { Scenario } from '../../shared/scenario/index.ts';

export type ScanLanguage = 'zh' | 'en';

/** Every id a scenario file gives, the scenario's own included. */
export function scenarioIds(scenario: Scenario): string[] {
  return [
    scenario.id,
    ...scenario.roles.map((r) => r.id),
    ...scenario.agenda.map((i) => i.id),
    ...scenario.injects.map((i) => i.id),
    ...Object.keys(scenario.rules),
    ...scenario.rubric.competencies.map((c) => c.id),
    ...scenario.handouts.map((h) => h.id),
  ];
}

const DOTTED_OR_SNAKE = /\b[a-z]+(?:[._][a-z]+)+\b/g;
/** English abbreviations written with dots: words, not names. */
const ABBREVIATIONS = new Set(['e.g', 'i.e']);
const LOWERCASE_LATIN_WORD = /(?<![A-Za-z])[a-z]{2,}(?![A-Za-z])/g;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The internal names found in `text`, each once, in order. */
export type NameScanner = (text: string, lang: ScanLanguage) => string[];

/** A scanner for the ids of these scenarios (and the forms above). */
export function nameScanner(ids: Iterable<string>): NameScanner {
  const compound = [...new Set(ids)].filter((id) => /[_.\-\d]/.test(id));
  const idPattern = compound.length
    ? new RegExp(`(?<![A-Za-z0-9_-])(?:${compound.map(escapeRegExp).join('|')})(?![A-Za-z0-9_-])`, 'g')
    : null;
  return (text, lang) => {
    const found = [
      ...(text.match(DOTTED_OR_SNAKE) ?? []).filter((w) => !ABBREVIATIONS.has(w)),
      ...(idPattern ? (text.match(idPattern) ?? []) : []),
      ...(lang === 'zh' ? (text.match(LOWERCASE_LATIN_WORD) ?? []) : []),
    ];
    return [...new Set(found)];
  };
}

/** Each finding with a little of the text around it, so a failure says where. */
export function inContext(text: string, found: readonly string[]): string[] {
  return found.map((name) => {
    const at = text.indexOf(name);
    return `${name} in “…${text.slice(Math.max(0, at - 30), at + name.length + 30).replace(/\s+/g, ' ')}…”`;
  });
}
