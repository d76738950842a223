// Spreadsheets in and out of the roster, with exceljs (maintained; the npm
// `xlsx` package is not): the first worksheet of an .xlsx file, or a CSV
// file, read as rows of text with the row numbers the spreadsheet shows; and
// the roster written back as an .xlsx file with the same header words.
import ExcelJS from 'exceljs';
import { parseCsv, type SheetRow } from '../../shared/roster/import-rows.ts';
import type { Person } from '../../shared/roster/person.ts';

export type SheetKind = 'xlsx' | 'csv';

/** What an upload is, from its bytes: an .xlsx file is a zip (PK…); anything else is read as CSV text. */
export function sheetKind(bytes: Buffer): SheetKind {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50 ? 'xlsx' : 'csv';
}

/** The rows of the upload; throws on a file that is not a readable workbook. */
export async function readSheet(bytes: Buffer): Promise<SheetRow[]> {
  if (sheetKind(bytes) === 'csv') return parseCsv(bytes.toString('utf8'));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    // Cell.text is what the sheet shows: numbers, dates and rich text as text; a merged title once.
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cell.isMerged && cell.master !== cell ? '' : cell.text;
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? '') });
  });
  return rows;
}

export const EXPORT_HEADER = {
  zh: ['序号', '姓名', '居民区/村', '街镇', '职务', '电话', '备注'],
  en: ['No.', 'Name', 'Community', 'Town', 'Position', 'Phone', 'Notes'],
} as const;

/** The roster as an .xlsx file that imports back as it is (the header words are the importer's). */
export async function rosterWorkbook(people: readonly Person[], lang: 'zh' | 'en'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(lang === 'zh' ? '学员名单' : 'Roster');
  sheet.addRow([...EXPORT_HEADER[lang]]).font = { bold: true };
  people.forEach((p, i) => {
    sheet.addRow([i + 1, p.name, p.community, p.town, p.position, p.phone ?? '', p.note]);
  });
  sheet.columns.forEach((column, i) => {
    column.width = [6, 12, 18, 14, 14, 16, 24][i] ?? 12;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
