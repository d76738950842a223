// File names people download: in words, in the reader's language, safe on
// every file system, and read back from a Content-Disposition header.
import { describe, expect, it } from 'vitest';
import {
  debriefFileName,
  fileNameFromDisposition,
  fileNamePart,
  personalDataFileName,
  rosterFileName,
  sessionRecordFileName,
} from '../../../shared/export/file-names.ts';
import { isoDay } from '../../../shared/meeting/minutes-format.ts';

describe('the names', () => {
  it('a debrief: the report, the title, whose, the day; parts left out when not given', () => {
    expect(debriefFileName({ lang: 'zh', title: '加装电梯协调会', who: '王小华', day: '2026-03-15' })).toBe(
      '复盘报告 - 加装电梯协调会 - 王小华 - 2026-03-15.md',
    );
    expect(debriefFileName({ lang: 'en', title: 'Elevator meeting', day: '2026-03-15' })).toBe(
      'Debrief - Elevator meeting - 2026-03-15.md',
    );
    expect(debriefFileName({ lang: 'zh', title: '加装电梯协调会' })).toBe('复盘报告 - 加装电梯协调会.md');
  });

  it('the full record, a person’s data and the roster', () => {
    expect(sessionRecordFileName({ lang: 'zh', title: '停车动员会', day: '2026-12-02' })).toBe(
      '停车动员会 - 2026-12-02 - 完整记录.json',
    );
    expect(sessionRecordFileName({ lang: 'en', title: 'Parking', day: '2026-12-02' })).toBe(
      'Parking - 2026-12-02 - Full record.json',
    );
    expect(personalDataFileName({ lang: 'zh', name: '欧阳文清', day: '2026-12-02' })).toBe(
      '欧阳文清 - 个人数据 - 2026-12-02.json',
    );
    expect(rosterFileName({ lang: 'zh', day: '2026-12-02' })).toBe('学员花名册 - 2026-12-02.xlsx');
    expect(rosterFileName({ lang: 'en', day: '2026-12-02' })).toBe('Roster - 2026-12-02.xlsx');
  });

  it('a part loses what a file system refuses, control characters and hiding dots; at most 60 characters', () => {
    expect(fileNamePart('Round table: 7/8 "garden" <b>?*|\\')).toBe('Round table 7 8 garden b');
    expect(fileNamePart('a\nb\tc\u0000d\u007fe')).toBe('a b c d e');
    expect(fileNamePart('..hidden.. ')).toBe('hidden');
    // 61 characters of Chinese: cut at 60 characters (not bytes).
    expect(fileNamePart('会'.repeat(61))).toBe('会'.repeat(60));
    // A title that is all unsafe leaves its part out, not an empty " -  - ".
    expect(debriefFileName({ lang: 'en', title: '///', who: 'Wu' })).toBe('Debrief - Wu.md');
  });

  it('the day is the day in the zone: 16:30 UTC on 1 March is 2 March in Shanghai', () => {
    const at = Date.UTC(2026, 2, 1, 16, 30);
    expect(isoDay(at, 'Asia/Shanghai')).toBe('2026-03-02');
    expect(isoDay(at, 'UTC')).toBe('2026-03-01');
  });
});

describe('reading a name back from Content-Disposition', () => {
  it('takes the UTF-8 name before the plain one', () => {
    expect(
      fileNameFromDisposition(
        `attachment; filename="debrief-zh.md"; filename*=UTF-8''%E5%A4%8D%E7%9B%98%E6%8A%A5%E5%91%8A%20-%20Wu.md`,
      ),
    ).toBe('复盘报告 - Wu.md');
  });

  it('the plain name when there is no UTF-8 one, or it is malformed; none when neither', () => {
    expect(fileNameFromDisposition('attachment; filename="roster.xlsx"')).toBe('roster.xlsx');
    expect(fileNameFromDisposition(`attachment; filename="x.md"; filename*=UTF-8''%E5%A4`)).toBe('x.md');
    expect(fileNameFromDisposition('attachment')).toBeUndefined();
    expect(fileNameFromDisposition('')).toBeUndefined();
  });
});
