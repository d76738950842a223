import type { LocalText } from '../../shared/scenario/primitives.ts';

/** Scenario text in the UI's language. */
export function localize(text: LocalText, lang: string): string {
  return lang.startsWith('zh') ? text.zh : text.en;
}
