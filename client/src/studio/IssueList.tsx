import { useTranslation } from 'react-i18next';
import type { StudioCheck } from './validation.ts';

/** Every error of the live check with its line and column; a click jumps there in the editor. */
export function IssueList({
  check,
  onJump,
}: {
  check: StudioCheck;
  onJump(line: number, column: number): void;
}) {
  const { t } = useTranslation();
  const rows = [
    ...check.errors.map((i) => ({ ...i, warning: false })),
    ...check.warnings.map((i) => ({ ...i, warning: true })),
  ];
  return (
    <section className="studio-panel" aria-labelledby="studio-issues">
      <h2 id="studio-issues">{t('studio.issues.heading')}</h2>
      <p className={check.errors.length > 0 ? 'studio-bad' : 'studio-good'} role="status">
        {check.errors.length > 0
          ? t('studio.issues.count', { count: check.errors.length })
          : t('studio.issues.none')}
        {check.warnings.length > 0 && ` · ${t('studio.issues.warnings', { count: check.warnings.length })}`}
      </p>
      <ol className="studio-issues">
        {rows.map((issue) => (
          <li
            key={`${issue.line}:${issue.column}:${issue.code}:${issue.path}`}
            className={issue.warning ? 'warning' : 'error'}
            data-code={issue.code}
          >
            <button
              type="button"
              className="link"
              aria-label={t('studio.issues.jump', { line: issue.line })}
              onClick={() => onJump(issue.line, issue.column)}
            >
              {t('studio.issues.at', { line: issue.line, column: issue.column })}
            </button>{' '}
            <code>{issue.path}</code> <span className="studio-message">{issue.message}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
