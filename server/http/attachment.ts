// Downloads: the language one is asked in, and the Content-Disposition that
// names it in words (shared/export/file-names.ts):
// the name itself as UTF-8 (filename*, RFC 6266 / 5987), which every current
// browser uses, and a plain ASCII name for a client that reads only filename=.
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Lang } from '../../shared/meeting/minutes-format.ts';
import { ERROR_CODES, errorBody } from '../../shared/protocol/errors.ts';

const ATTR_CHAR_EXTRA = /['()*]/g;

export function attachment(name: string, asciiFallback: string): string {
  const encoded = encodeURIComponent(name).replace(
    ATTR_CHAR_EXTRA,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  const plain = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${plain}"; filename*=UTF-8''${encoded}`;
}

/** The language a download is asked in (`?lang=zh|en`, zh when absent); a 400 answered, and undefined, for any other. */
export function downloadLang(req: Request, res: Response): Lang | undefined {
  const query = langQuery.safeParse(req.query);
  if (query.success) return query.data.lang;
  res.status(400).json(errorBody(ERROR_CODES.badRequest, 'lang must be zh or en'));
  return undefined;
}

const langQuery = z.object({ lang: z.enum(['zh', 'en']).default('zh') });
