// Importing a roster as institutes keep it: title rows, a serial-number
// column, notes, blank rows; every bad row reported with its row number and
// why, the good rows taken whole. And the masked names and the pinyin filter.
import { describe, expect, it } from 'vitest';
import { parseCsv, planImport, type SheetRow } from '../../../shared/roster/import-rows.ts';
import { matchesName, pinyinInitials } from '../../../shared/roster/name-filter.ts';
import { maskName, samePersonKey } from '../../../shared/roster/person.ts';

const sheet = (...rows: string[][]): SheetRow[] => rows.map((cells, i) => ({ row: i + 1, cells }));

describe('planImport', () => {
  const rows = sheet(
    ['2024年社区带头人培训班学员名单'],
    [],
    ['序号', '姓名', '所在居村', '街镇', '职务', '联系电话', '备注'],
    ['1', '王小华', '光明居民区', '江川路街道', '书记', '13800000001', ''],
    ['2', '李明', '光明居民区', '江川路街道', '楼组长', '', '新任'],
    [],
    ['3', '', '红旗村', '马桥镇', '两委委员', '', '名字待补'],
    ['4', '王小华', '红旗村', '马桥镇', '书记', '', ''],
    ['5', '王小华', '光明居民区', '江川路街道', '书记', '', '重复'],
    ['6', '赵六', '幸福村', '马桥镇', '', '1380000x', ''],
  );

  it('finds the header under the title, skips blank rows, reports each bad row by number and reason', () => {
    const plan = planImport(rows, new Set());
    // Rows 4, 5 and 8 are people; 8 is another 王小华, told apart by community.
    expect(plan.people.map((p) => [p.row, p.fields.name, p.fields.community])).toEqual([
      [4, '王小华', '光明居民区'],
      [5, '李明', '光明居民区'],
      [8, '王小华', '红旗村'],
    ]);
    expect(plan.problems).toEqual([
      { kind: 'no_name', row: 7 },
      { kind: 'duplicate_in_file', row: 9, name: '王小华', firstRow: 4 },
      { kind: 'invalid', row: 10, field: 'phone', message: 'digits, spaces, + and - only' },
    ]);
    // Title, blank, header, and the blank row 6.
    expect(plan.skipped).toBe(4);
    expect(plan.people[1]?.fields).toEqual({
      name: '李明',
      community: '光明居民区',
      town: '江川路街道',
      position: '楼组长',
      note: '新任',
    });
    expect(plan.people[0]?.fields.phone).toBe('13800000001');
  });

  it('a person already on the roster is reported, not added twice', () => {
    const plan = planImport(rows, new Set([samePersonKey({ name: '李明', community: '光明居民区' })]));
    expect(plan.people.map((p) => p.row)).toEqual([4, 8]);
    expect(plan.problems[0]).toEqual({ kind: 'already_on_roster', row: 5, name: '李明' });
  });

  it('no header row at all: one problem, nothing imported', () => {
    expect(planImport(sheet(['a', 'b'], ['c', 'd']), new Set())).toEqual({
      people: [],
      problems: [{ kind: 'no_header' }],
      skipped: 2,
    });
  });
});

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, commas and newlines in cells, CRLF and a byte-order mark', () => {
    expect(parseCsv('\uFEFF名单\r\n姓名,备注\r\n"张,三","说""好""\n的"\r\n')).toEqual([
      { row: 1, cells: ['名单'] },
      { row: 2, cells: ['姓名', '备注'] },
      { row: 3, cells: ['张,三', '说"好"\n的'] },
    ]);
  });
});

describe('names', () => {
  it('masks the middle of a name until the person confirms', () => {
    expect(['王小华', '李明', '欧阳文清', '丁'].map(maskName)).toEqual(['王*华', '李*', '欧**清', '丁']);
  });

  it('the filter matches pinyin initials, part of the name, or the community', () => {
    expect(pinyinInitials('王小华')).toBe('wxh');
    const wang = { name: '王小华', community: '光明居民区', town: '江川路街道' };
    for (const q of ['wxh', 'WX', 'xh', '小华', '光明', '江川', ''])
      expect(matchesName(wang, q), q).toBe(true);
    for (const q of ['lm', 'wxz', '李']) expect(matchesName(wang, q), q).toBe(false);
  });
});
