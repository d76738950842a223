// The studio's live check: the same loader `scenarios:check` runs
// (shared/scenario/source.ts), on the editor's text as `<id>.yaml`, with the
// messages in the UI's language from the same catalogues. Pure, so vitest
// checks it against the CLI's output.
import {
  formatPath,
  issueMessage,
  type Language,
  type LocatedIssue,
  loadScenarioSource,
  type Scenario,
} from '../../../shared/scenario/index.ts';

export interface ShownIssue {
  code: string;
  line: number;
  column: number;
  /** `roles[0].brief` — where it is in the structure. */
  path: string;
  message: string;
}

export interface StudioCheck {
  errors: ShownIssue[];
  warnings: ShownIssue[];
  /** The scenario as the engine reads it, when the text has no errors (previews and "try it" use it). */
  scenario?: Scenario;
}

const shown = (issue: LocatedIssue, lang: Language): ShownIssue => ({
  code: issue.code,
  line: issue.line,
  column: issue.column,
  path: formatPath(issue.path),
  message: issueMessage(issue, lang),
});

/** `file` is what messages call the text (the CLI's path; `<id>.yaml` in the studio). */
export function checkSource(id: string, text: string, lang: Language, file = `${id}.yaml`): StudioCheck {
  const result = loadScenarioSource(text, file, id);
  return result.ok
    ? { errors: [], warnings: result.warnings.map((w) => shown(w, lang)), scenario: result.scenario }
    : { errors: result.issues.map((i) => shown(i, lang)), warnings: [] };
}

/** An issue as the CLI prints it: `file:line:column: path: message [code]`. */
export function issueLine(file: string, issue: ShownIssue): string {
  return `${file}:${issue.line}:${issue.column}: ${issue.path}: ${issue.message} [${issue.code}]`;
}
