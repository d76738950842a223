// Roster files as institutes keep them, built with exceljs for the tests: a
// merged title row above the header, a serial-number column, notes, blank
// rows, and whatever bad rows a test wants reported.
import ExcelJS from 'exceljs';
import type { Agent } from './accounts.ts';

export type RosterLine = [
  name: string,
  community: string,
  town: string,
  position: string,
  phone: string,
  note: string,
];

/** An .xlsx roster: a title (merged over the columns), a blank row, the header, then the lines; `null` is a blank row. */
export async function rosterXlsx(title: string, lines: (RosterLine | null)[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('学员名单');
  sheet.addRow([title]);
  sheet.mergeCells('A1:G1');
  sheet.addRow([]);
  sheet.addRow(['序号', '姓名', '所在居村', '街镇', '职务', '联系电话', '备注']);
  let serial = 0;
  for (const line of lines) sheet.addRow(line ? [++serial, ...line] : []);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Uploads a roster file as the signed-in agent (the web client sends the raw bytes, with the CSRF token). */
export async function uploadRoster<T = unknown>(
  agent: Agent,
  bytes: Buffer,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${agent.url}/api/people/import`, {
    method: 'POST',
    headers: {
      'content-type': 'application/octet-stream',
      cookie: agent.cookie,
      'x-csrf-token': agent.csrfToken,
    },
    body: new Uint8Array(bytes),
  });
  return { status: res.status, body: (await res.json()) as T };
}
