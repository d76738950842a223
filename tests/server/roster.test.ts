// The roster over HTTP, on a real server and SQLite file: an instructor
// imports an .xlsx roster kept as institutes keep it (a merged title row, a
// serial-number column, notes, blank rows) with two bad rows, reported by
// their row numbers while the good rows are stored whole; a CSV import; the
// name filter by pinyin initials; editing; duplicates told apart by
// community; the export reads back as it was; and nobody else may touch it.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../shared/roster/person.ts';
import { type Agent, newAccount, signInAdministrator } from '../support/accounts.ts';
import { rosterXlsx, uploadRoster } from '../support/roster-sheet.ts';
import { type ServerProcess, startServerProcess } from '../support/server-process.ts';
import { AUTH_ENV, request } from '../support/session-api.ts';

let server: ServerProcess;
let instructor: Agent;
let expert: Agent;

interface ImportAnswer {
  imported: { row: number; person: Person }[];
  problems: { kind: string; row?: number; name?: string; firstRow?: number }[];
  skipped: number;
}

beforeAll(async () => {
  server = await startServerProcess({ env: AUTH_ENV });
  const admin = await signInAdministrator(server.url);
  instructor = await newAccount(admin, { login: 'teacher', name: 'Teacher Zhou', role: 'instructor' });
  expert = await newAccount(admin, { login: 'expert', name: 'Expert Ma', role: 'expert' });
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

describe('importing a roster', () => {
  let answer: { status: number; body: ImportAnswer };

  beforeAll(async () => {
    // Sheet rows: 1 title (merged), 2 blank, 3 header, then 4… one per line; 7 is blank.
    const file = await rosterXlsx('2024年提升社区带头人组织动员能力培训班 学员名单', [
      ['王小华', '光明居民区', '江川路街道', '书记', '13800000001', ''], // row 4
      ['李明', '光明居民区', '江川路街道', '楼组长', '', '新任'], // row 5
      ['王小华', '红旗村', '马桥镇', '两委委员', '', ''], // row 6: another 王小华, another community
      null, // row 7: blank
      ['', '幸福村', '马桥镇', '志愿者', '', '名字待补'], // row 8: no name
      ['李明', '光明居民区', '江川路街道', '楼组长', '', '又填了一次'], // row 9: the same person again
      ['张伟', '幸福村', '马桥镇', '团购团长', '', ''], // row 10
    ]);
    answer = await uploadRoster<ImportAnswer>(instructor, file);
  });

  it('stores the good rows and reports both bad rows by number and reason', () => {
    expect(answer.status).toBe(200);
    expect(answer.body.imported.map((i) => [i.row, i.person.name, i.person.community])).toEqual([
      [4, '王小华', '光明居民区'],
      [5, '李明', '光明居民区'],
      [6, '王小华', '红旗村'],
      [10, '张伟', '幸福村'],
    ]);
    expect(answer.body.problems).toEqual([
      { kind: 'no_name', row: 8 },
      { kind: 'duplicate_in_file', row: 9, name: '李明', firstRow: 5 },
    ]);
    // The title row and the header: a workbook does not store blank rows (2 and 7) at all.
    expect(answer.body.skipped).toBe(2);
    const li = answer.body.imported[1]?.person;
    expect(li).toMatchObject({ position: '楼组长', note: '新任', town: '江川路街道' });
    // The personal code never travels in a roster listing.
    expect(JSON.stringify(answer.body)).not.toMatch(/personal|code/i);
  });

  it('importing the same file again adds nobody: each person is already on the roster', async () => {
    const again = await uploadRoster<ImportAnswer>(
      instructor,
      await rosterXlsx('名单', [['张伟', '幸福村', '马桥镇', '团购团长', '', '']]),
    );
    expect(again.body.imported).toEqual([]);
    expect(again.body.problems).toEqual([{ kind: 'already_on_roster', row: 4, name: '张伟' }]);
  });

  it('a CSV roster imports the same way', async () => {
    const csv =
      '\uFEFF培训班名单\r\n序号,姓名,居民区,街道,职务,手机,备注\r\n1,陈静,"东风居民区",江川路街道,居委会主任,,\r\n';
    const csvAnswer = await uploadRoster<ImportAnswer>(instructor, Buffer.from(csv, 'utf8'));
    expect(csvAnswer.body.imported.map((i) => [i.row, i.person.name, i.person.position])).toEqual([
      [3, '陈静', '居委会主任'],
    ]);
  });

  it('a file that is neither a workbook nor a roster: a clear error, nothing stored', async () => {
    const notXlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('not a zip')]);
    const broken = await uploadRoster<{ error: { code: string } }>(instructor, notXlsx);
    expect([broken.status, broken.body.error.code]).toEqual([400, 'roster/unreadable_file']);
    const headerless = await uploadRoster<{ error: { code: string } }>(instructor, Buffer.from('a,b\nc,d\n'));
    expect([headerless.status, headerless.body.error.code]).toEqual([422, 'roster/no_header']);
  });
});

describe('the roster after the import', () => {
  it('filters by pinyin initials, part of a name, or community; namesakes are told apart by community', async () => {
    const names = async (q: string) =>
      (
        await instructor.request<{ people: Person[] }>('GET', `/api/people?q=${encodeURIComponent(q)}`)
      ).body.people.map((p) => `${p.name}/${p.community}`);
    expect(await names('wxh')).toEqual(['王小华/光明居民区', '王小华/红旗村']);
    expect(await names('lm')).toEqual(['李明/光明居民区']);
    expect(await names('红旗')).toEqual(['王小华/红旗村']);
    expect((await names('')).length).toBe(5);
  });

  it('edits a person; moving them onto a namesake in the same community is refused with the reason', async () => {
    const all = (await instructor.request<{ people: Person[] }>('GET', '/api/people')).body.people;
    const zhang = all.find((p) => p.name === '张伟') as Person;
    const edited = await instructor.request<{ person: Person }>('PATCH', `/api/people/${zhang.id}`, {
      body: { phone: '13900000002', position: '业委会主任' },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.person).toMatchObject({ name: '张伟', phone: '13900000002', position: '业委会主任' });
    const wangHongqi = all.find((p) => p.community === '红旗村') as Person;
    const clash = await instructor.request<{ error: { code: string } }>(
      'PATCH',
      `/api/people/${wangHongqi.id}`,
      {
        body: { community: '光明居民区' },
      },
    );
    expect([clash.status, clash.body.error.code]).toEqual([409, 'roster/duplicate_person']);
    const missing = await instructor.request<{ error: { code: string } }>(
      'PATCH',
      '/api/people/nobody-here',
      {
        body: { name: 'X' },
      },
    );
    expect([missing.status, missing.body.error.code]).toEqual([404, 'roster/person_not_found']);
  });

  it('exports as .xlsx that reads back as the roster, header first', async () => {
    const res = await fetch(`${server.url}/api/people/export.xlsx?lang=zh`, {
      headers: { cookie: instructor.cookie },
    });
    expect(res.status).toBe(200);
    // "学员花名册 - <day>.xlsx", as UTF-8 for browsers, and a plain name for clients that read only that.
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="roster\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toMatch(
      /^学员花名册 - \d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const rows: string[][] = [];
    workbook.worksheets[0]?.eachRow((row) =>
      rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))),
    );
    expect(rows[0]).toEqual(['序号', '姓名', '居民区/村', '街镇', '职务', '电话', '备注']);
    expect(rows.slice(1).map((r) => r.slice(1, 3).join('/'))).toEqual([
      '张伟/幸福村',
      '李明/光明居民区',
      '王小华/光明居民区',
      '王小华/红旗村',
      '陈静/东风居民区',
    ]);
    expect(rows.find((r) => r[1] === '张伟')?.[5]).toBe('13900000002');
    // And it imports back: everyone is already there.
    const back = await uploadRoster<ImportAnswer>(instructor, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(back.body.imported).toEqual([]);
    expect(back.body.problems.map((p) => p.kind)).toEqual(Array(5).fill('already_on_roster'));
  });

  it('an expert, a script and nobody may not see or change the roster', async () => {
    expect((await expert.request('GET', '/api/people')).status).toBe(403);
    expect((await request(server.url, 'GET', '/api/people')).status).toBe(403);
    expect((await request(server.url, 'GET', '/api/people', { bearer: null })).status).toBe(401);
  });
});
