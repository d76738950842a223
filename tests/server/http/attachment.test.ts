// The Content-Disposition a download is sent with: the name in UTF-8 as RFC
// 5987 encodes it, and a plain ASCII one beside it.
import { describe, expect, it } from 'vitest';
import { attachment } from '../../../server/http/attachment.ts';
import { fileNameFromDisposition } from '../../../shared/export/file-names.ts';

describe('attachment', () => {
  it('percent-encodes the UTF-8 name, quote and brackets too', () => {
    expect(attachment("王 (Wang)'s.md", 'x.md')).toBe(
      `attachment; filename="x.md"; filename*=UTF-8''%E7%8E%8B%20%28Wang%29%27s.md`,
    );
  });

  it('keeps the plain name ASCII and free of quotes and backslashes', () => {
    expect(attachment('a.md', 'ré"s\\u.md')).toBe(`attachment; filename="r__s_u.md"; filename*=UTF-8''a.md`);
  });

  it('reads back as the name it was given', () => {
    const name = '复盘报告 - 春晖新村7号楼与8号楼之间口袋花园微更新圆桌会 - 2026-12-02.md';
    expect(fileNameFromDisposition(attachment(name, 'debrief-zh.md'))).toBe(name);
  });
});
