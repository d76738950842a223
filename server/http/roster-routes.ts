// The roster over HTTP, for instructors and administrators (roster.manage):
// list and filter trainees, add and edit one, import a sheet (.xlsx or CSV as
// institutes keep them: every bad row reported, the good rows stored whole,
// in one transaction) and export the roster as .xlsx.
import express, { Router } from 'express';
import { rosterFileName } from '../../shared/export/file-names.ts';
import { DEFAULT_TIME_ZONE, isoDay } from '../../shared/meeting/minutes-format.ts';
import { errorBody } from '../../shared/protocol/errors.ts';
import { ROSTER_ERRORS } from '../../shared/roster/errors.ts';
import { planImport } from '../../shared/roster/import-rows.ts';
import { matchesName } from '../../shared/roster/name-filter.ts';
import { personFieldsSchema, samePersonKey } from '../../shared/roster/person.ts';
import { allowed } from '../auth/request-auth.ts';
import type { PeopleStore } from '../roster/people-store.ts';
import { readSheet, rosterWorkbook } from '../roster/sheet.ts';
import { attachment, downloadLang } from './attachment.ts';
import { badBody } from './bad-body.ts';

/** Largest roster file accepted: a class list of a few thousand rows is far smaller. */
const MAX_UPLOAD = '2mb';

const isUniqueViolation = (error: unknown) =>
  (error as { code?: string })?.code === 'SQLITE_CONSTRAINT_UNIQUE';

export function rosterRoutes(
  people: PeopleStore,
  now: () => number = Date.now,
  timeZone: string = DEFAULT_TIME_ZONE,
): Router {
  const router = Router();
  const duplicate = (res: express.Response) =>
    res
      .status(409)
      .json(
        errorBody(
          ROSTER_ERRORS.duplicatePerson,
          'someone of this name in this community is on the roster already; tell them apart by community, or edit that person',
        ),
      );

  router.get('/api/people', (req, res) => {
    if (!allowed(req, res, 'roster.manage')) return;
    const q = typeof req.query.q === 'string' ? req.query.q.slice(0, 40) : '';
    res.json({ people: people.all().filter((p) => matchesName(p, q)) });
  });

  router.post('/api/people', (req, res) => {
    if (!allowed(req, res, 'roster.manage')) return;
    const body = personFieldsSchema.safeParse(req.body);
    if (!body.success) return badBody(res, body.error.issues);
    try {
      res.status(201).json({ person: people.addAll([body.data], now())[0] });
    } catch (error) {
      if (isUniqueViolation(error)) return duplicate(res);
      throw error;
    }
  });

  router.patch('/api/people/:id', (req, res) => {
    if (!allowed(req, res, 'roster.manage')) return;
    const current = people.get(req.params.id);
    if (!current) {
      res.status(404).json(errorBody(ROSTER_ERRORS.personNotFound, 'no such person on the roster'));
      return;
    }
    // Only the fields sent change; a body that is not an object is refused, not merged as nothing.
    if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body))
      return badBody(res, [
        { code: 'custom', path: [], message: 'send an object of the fields to change', input: req.body },
      ]);
    const body = personFieldsSchema.safeParse({ ...current, ...req.body });
    if (!body.success) return badBody(res, body.error.issues);
    try {
      res.json({ person: people.update(current.id, body.data, now()) });
    } catch (error) {
      if (isUniqueViolation(error)) return duplicate(res);
      throw error;
    }
  });

  router.post(
    '/api/people/import',
    // Who may, before up to 2 MB is read: nobody else gets the server to hold their upload.
    (req, res, next) => {
      if (allowed(req, res, 'roster.manage')) next();
    },
    express.raw({ type: () => true, limit: MAX_UPLOAD }),
    async (req, res) => {
      const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      let rows: Awaited<ReturnType<typeof readSheet>>;
      try {
        rows = await readSheet(bytes);
      } catch {
        res
          .status(400)
          .json(
            errorBody(
              ROSTER_ERRORS.unreadableFile,
              'this file is not a readable .xlsx workbook or CSV text; save it from the spreadsheet as .xlsx or CSV (UTF-8)',
            ),
          );
        return;
      }
      const existing = new Set(people.all().map(samePersonKey));
      const plan = planImport(rows, existing);
      if (plan.problems.some((p) => p.kind === 'no_header')) {
        res
          .status(422)
          .json(
            errorBody(
              ROSTER_ERRORS.noHeader,
              'no header row with a name column (姓名) was found; the sheet needs a header row above the trainees',
            ),
          );
        return;
      }
      try {
        const imported = people.addAll(
          plan.people.map((p) => p.fields),
          now(),
        );
        res.json({
          imported: imported.map((person, i) => ({ row: plan.people[i]?.row, person })),
          problems: plan.problems,
          skipped: plan.skipped,
        });
      } catch (error) {
        // Someone added the same person meanwhile: nothing of this file was stored.
        if (isUniqueViolation(error)) return duplicate(res);
        throw error;
      }
    },
  );

  router.get('/api/people/export.xlsx', async (req, res) => {
    if (!allowed(req, res, 'roster.manage')) return;
    const lang = downloadLang(req, res);
    if (!lang) return;
    const file = await rosterWorkbook(people.all(), lang);
    res
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .set(
        'content-disposition',
        attachment(rosterFileName({ lang, day: isoDay(now(), timeZone) }), 'roster.xlsx'),
      )
      .send(file);
  });

  return router;
}
