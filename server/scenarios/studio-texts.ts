// The scenario texts the studio takes in before they are stored: files to
// import, checked as YAML maps that look like scenarios with a free id, and a
// text given a new id in place (a duplicate). The text is kept as written.
import { isMap, isPair, isScalar, parseDocument } from 'yaml';
import { STUDIO_ERRORS, type StudioErrorCode } from '../../shared/studio/api.ts';

/** A scenario id: a lowercase letter, then up to 47 of a-z 0-9 _ -. */
export const ID_PATTERN = /^[a-z][a-z0-9_-]{0,47}$/;

export interface ImportProblem {
  file: string;
  code: StudioErrorCode;
  message: string;
}

export interface ImportFile {
  name: string;
  text: string;
}

/**
 * Which files may be imported, each under the id it declares, and what is
 * wrong with the others: not YAML, not a scenario, or an id `taken` (or given
 * twice in the same import).
 */
export function checkImportFiles(
  files: ImportFile[],
  taken: (id: string) => boolean,
): { problems: ImportProblem[]; accepted: { id: string; file: ImportFile }[] } {
  const problems: ImportProblem[] = [];
  const accepted: { id: string; file: ImportFile }[] = [];
  const ids = new Set<string>();
  for (const file of files) {
    const doc = parseDocument(file.text, { uniqueKeys: true });
    if (doc.errors.length > 0) {
      problems.push({
        file: file.name,
        code: STUDIO_ERRORS.notYaml,
        message: `not a YAML file: ${doc.errors[0]?.message.split('\n')[0]}`,
      });
      continue;
    }
    const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
    const id =
      data !== null && typeof data === 'object' && !Array.isArray(data)
        ? (data as Record<string, unknown>).id
        : undefined;
    const looksLike =
      data !== null &&
      typeof data === 'object' &&
      !Array.isArray(data) &&
      'schema' in data &&
      ('roles' in data || 'agenda' in data);
    if (!looksLike || typeof id !== 'string' || !ID_PATTERN.test(id)) {
      problems.push({
        file: file.name,
        code: STUDIO_ERRORS.notAScenario,
        message:
          'not a scenario: expected a YAML map with schema: 1, an id (a lowercase slug), roles and agenda',
      });
      continue;
    }
    if (taken(id) || ids.has(id)) {
      problems.push({
        file: file.name,
        code: STUDIO_ERRORS.idTaken,
        message: `a scenario "${id}" exists already; change the id in the file`,
      });
      continue;
    }
    ids.add(id);
    accepted.push({ id, file });
  }
  return { problems, accepted };
}

/** The same text with its top-level id replaced in place (comments, order and layout untouched). */
export function withId(source: string, id: string): string {
  const doc = parseDocument(source);
  const contents = doc.contents;
  if (isMap(contents)) {
    const pair = contents.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === 'id');
    const value = pair?.value;
    if (isScalar(value) && value.range)
      return source.slice(0, value.range[0]) + id + source.slice(value.range[1]);
  }
  return `id: ${id}\n${source}`;
}
