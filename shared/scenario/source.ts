// Scenario YAML text → a validated Scenario, or every problem with its line
// and column. Pure (no file system), so the server, the CLI and an in-browser
// editor can all use it.
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { formatPath, issueMessage, SCENARIO_ISSUE, type ScenarioIssue, scenarioIssue } from './issues.ts';
import type { Language } from './primitives.ts';
import type { Scenario } from './types.ts';
import { validateScenario } from './validate.ts';

export interface LocatedIssue extends ScenarioIssue {
  file: string;
  line: number;
  column: number;
}

export type SourceResult =
  | { ok: true; scenario: Scenario; warnings: LocatedIssue[] }
  | { ok: false; issues: LocatedIssue[] };

/** `file` is used in messages; `expectedId` is the file name without `.yaml`. */
export function loadScenarioSource(text: string, file: string, expectedId?: string): SourceResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((error) => {
        const pos = lineCounter.linePos(error.pos[0]);
        return {
          ...scenarioIssue(SCENARIO_ISSUE.yamlSyntax, [], 'yamlSyntax', {
            detail: error.message.split('\n')[0] ?? '',
          }),
          file,
          line: pos.line,
          column: pos.col,
        };
      }),
    };
  }
  const result = validateScenario(doc.toJS({ maxAliasCount: 100 }), expectedId);
  const locate = (issue: ScenarioIssue): LocatedIssue => {
    const offset = offsetOf(doc.contents, issue.path, issue.code === SCENARIO_ISSUE.unknownKey);
    const { line, col } = lineCounter.linePos(offset);
    return { ...issue, file, line, column: col };
  };
  if (result.ok) return { ...result, warnings: result.warnings.map(locate) };
  return {
    ok: false,
    issues: result.issues.map(locate).sort((a, b) => a.line - b.line || a.column - b.column),
  };
}

/**
 * Where `path` starts in the source: the value's node, or the key itself when
 * the key is the problem; for a missing key, the nearest map that exists.
 */
function offsetOf(root: unknown, path: readonly (string | number)[], atKey: boolean): number {
  let node = root as Node | null | undefined;
  let offset = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (!pair) break;
      const keyNode = pair.key as Node;
      if (atKey && i === path.length - 1) return keyNode.range?.[0] ?? offset;
      node = pair.value as Node | null;
      offset = node?.range?.[0] ?? keyNode.range?.[0] ?? offset;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment] as Node | undefined;
      if (!node) break;
      offset = node.range?.[0] ?? offset;
    } else break;
  }
  return offset;
}

/** `scenarios/x.yaml:12:5: roles[2].seats: expected …` */
export function formatIssue(issue: LocatedIssue): string {
  return formatIssueIn(issue, 'en');
}

/** The same line with the message in `lang` (the CLI's --lang, the studio's list). */
export function formatIssueIn(issue: LocatedIssue, lang: Language): string {
  return `${issue.file}:${issue.line}:${issue.column}: ${formatPath(issue.path)}: ${issueMessage(issue, lang)} [${issue.code}]`;
}
