// Reading a roster as institutes keep it: a sheet with a title row (or
// several) above the header, a serial-number column, a notes column, blank
// rows between groups. Pure: it takes the sheet's cells as text, with their
// row numbers as the spreadsheet shows them, and says which rows become
// people and why every other row does not. A row is taken whole or not at
// all; the server stores the good ones in one transaction.
import { type PersonFields, personFieldsSchema, samePersonKey } from './person.ts';

/** One row of the sheet: its number as the spreadsheet shows it (1-based) and its cells as text. */
export interface SheetRow {
  row: number;
  cells: string[];
}

export type RowProblem =
  /** The header row (姓名 / name …) was not found. */
  | { kind: 'no_header' }
  | { kind: 'no_name'; row: number }
  /** Another row of this file is the same person (same name and community). */
  | { kind: 'duplicate_in_file'; row: number; name: string; firstRow: number }
  /** Already on the roster (same name and community). */
  | { kind: 'already_on_roster'; row: number; name: string }
  /** A cell that does not fit (too long, a phone with letters…). */
  | { kind: 'invalid'; row: number; field: keyof PersonFields; message: string };

export interface ImportPlan {
  /** The rows that become people, with the row each came from. */
  people: { row: number; fields: PersonFields }[];
  problems: RowProblem[];
  /** Rows passed over on purpose: blank, the title, the header. */
  skipped: number;
}

type Column = keyof PersonFields | 'serial';

/** Header words, lower case, as rosters name their columns. */
const HEADERS: Record<Column, readonly string[]> = {
  serial: ['序号', '编号', 'no', 'no.', '#', 'serial'],
  name: ['姓名', '名字', '学员姓名', 'name'],
  community: ['居民区', '村', '居民区/村', '居村', '社区', '所在居村', '所在居民区', 'community'],
  town: ['街镇', '街道', '镇', '街道/镇', '所属街镇', 'town'],
  position: ['职务', '岗位', '身份', 'position', 'role'],
  phone: ['电话', '手机', '手机号', '联系电话', 'phone', 'mobile'],
  note: ['备注', '说明', 'note', 'notes'],
};

const clean = (cell: string | undefined) => (cell ?? '').replace(/\s+/g, ' ').trim();

function columnOf(header: string): Column | undefined {
  const word = clean(header)
    .toLowerCase()
    .replace(/[：:]$/, '');
  for (const [column, words] of Object.entries(HEADERS) as [Column, readonly string[]][])
    if (words.includes(word)) return column;
  return undefined;
}

/** The header row: the first row with a name column. Rows above it are titles. */
function findHeader(rows: readonly SheetRow[]): { index: number; columns: Map<number, Column> } | undefined {
  for (const [index, r] of rows.entries()) {
    const columns = new Map<number, Column>();
    r.cells.forEach((cell, i) => {
      const column = columnOf(cell);
      if (column && ![...columns.values()].includes(column)) columns.set(i, column);
    });
    if ([...columns.values()].includes('name')) return { index, columns };
  }
  return undefined;
}

/**
 * What importing these rows would do, given who is on the roster already
 * (`existing`: samePersonKey of each). Blank rows are skipped silently.
 */
export function planImport(rows: readonly SheetRow[], existing: ReadonlySet<string>): ImportPlan {
  const header = findHeader(rows);
  if (!header) return { people: [], problems: [{ kind: 'no_header' }], skipped: rows.length };
  const plan: ImportPlan = { people: [], problems: [], skipped: header.index + 1 };
  const firstRowOf = new Map<string, number>();
  for (const r of rows.slice(header.index + 1)) {
    const values: Partial<Record<Column, string>> = {};
    for (const [i, column] of header.columns) values[column] = clean(r.cells[i]);
    const { serial: _, ...fields } = values;
    if (Object.values(fields).every((v) => !v)) {
      plan.skipped++;
      continue;
    }
    if (!fields.name) {
      plan.problems.push({ kind: 'no_name', row: r.row });
      continue;
    }
    const parsed = personFieldsSchema.safeParse(fields);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      plan.problems.push({
        kind: 'invalid',
        row: r.row,
        field: (issue?.path[0] ?? 'name') as keyof PersonFields,
        message: issue?.message ?? 'invalid',
      });
      continue;
    }
    const key = samePersonKey(parsed.data);
    const firstRow = firstRowOf.get(key);
    if (firstRow !== undefined) {
      plan.problems.push({ kind: 'duplicate_in_file', row: r.row, name: parsed.data.name, firstRow });
      continue;
    }
    firstRowOf.set(key, r.row);
    if (existing.has(key)) {
      plan.problems.push({ kind: 'already_on_roster', row: r.row, name: parsed.data.name });
      continue;
    }
    plan.people.push({ row: r.row, fields: parsed.data });
  }
  return plan;
}

/** CSV as spreadsheets write it (RFC 4180: quotes, doubled quotes, commas and newlines inside quotes). */
export function parseCsv(text: string): SheetRow[] {
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let row = 1;
  const body = text.replace(/^\uFEFF/, '');
  const endRow = () => {
    cells.push(cell);
    rows.push({ row, cells });
    cells = [];
    cell = '';
    row++;
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      endRow();
    } else cell += ch;
  }
  if (cell !== '' || cells.length > 0) endRow();
  return rows;
}
