// GET /api/scenarios and /api/scenarios/:id — the library, public parts only:
// the shipped files and the studio's published scenarios (never a draft).
import { Router } from 'express';
import { ERROR_CODES, errorBody } from '../../shared/protocol/errors.ts';
import { publicScenario, summarizeScenario } from '../../shared/views/scenario-public.ts';
import type { ScenarioLibrary } from '../scenarios/library.ts';
import type { Studio } from '../scenarios/studio.ts';

export function scenarioRoutes(library: ScenarioLibrary, studio?: Studio): Router {
  const router = Router();

  router.get('/api/scenarios', (_req, res) => {
    res.json({
      scenarios: [
        ...library
          .all()
          .map((entry) =>
            entry.status === 'valid'
              ? { status: 'valid', ...summarizeScenario(entry.scenario) }
              : { status: 'invalid', id: entry.id, file: entry.file, issues: entry.issues },
          ),
        ...(studio?.published() ?? []).map((scenario) => ({
          status: 'valid',
          ...summarizeScenario(scenario),
        })),
      ],
    });
  });

  router.get('/api/scenarios/:id', (req, res) => {
    const entry = library.get(req.params.id);
    const published = entry ? undefined : studio?.published().find((s) => s.id === req.params.id);
    if (published) {
      res.json({ scenario: publicScenario(published) });
    } else if (!entry) {
      res.status(404).json(errorBody(ERROR_CODES.scenarioNotFound, `no scenario with id "${req.params.id}"`));
    } else if (entry.status === 'invalid') {
      res
        .status(422)
        .json(
          errorBody(
            ERROR_CODES.scenarioInvalid,
            `scenario "${entry.id}" has errors; run npm run scenarios:check`,
            entry.issues,
          ),
        );
    } else {
      res.json({ scenario: publicScenario(entry.scenario) });
    }
  });

  return router;
}
