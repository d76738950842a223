// Why a session is not running, in words for the instructor: each kind of
// SessionProblem (shared/protocol/session-problems.ts) has its sentence in
// the facilitator strings; codes and internal names stay out of it.
import type { TFunction } from 'i18next';
import type { SessionProblem } from '../../../shared/protocol/session-problems.ts';

export function problemText(t: TFunction, problem: SessionProblem): string {
  switch (problem.kind) {
    case 'replay_refused': {
      const why =
        problem.reason === 'refused'
          ? t(`errors.${problem.code}`, { defaultValue: t('facilitator.problem.why.refused') })
          : t(`facilitator.problem.why.${problem.reason}`);
      return t('facilitator.problem.replay_refused', { seq: problem.seq, why });
    }
    case 'scenario_unavailable':
      return t('facilitator.problem.scenario_unavailable', { scenarioId: problem.scenarioId });
    case 'restore_failed':
      return t('facilitator.problem.restore_failed');
    case 'failed':
      return t('facilitator.problem.failed', { where: t(`facilitator.problem.where.${problem.where}`) });
  }
}
