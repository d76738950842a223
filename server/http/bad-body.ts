// A request body that does not match its schema: 400 with each problem's path.
import type { Response } from 'express';
import type { z } from 'zod';
import { ERROR_CODES, errorBody } from '../../shared/protocol/errors.ts';

export function badBody(res: Response, issues: z.core.$ZodIssue[]): void {
  const details = issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  res
    .status(400)
    .json(
      errorBody(
        ERROR_CODES.badRequest,
        `invalid request body: ${details.map((d) => `${d.path || '(body)'}: ${d.message}`).join('; ')}`,
        details,
      ),
    );
}
