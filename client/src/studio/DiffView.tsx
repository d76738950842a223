import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { lineDiff } from '../../../shared/studio/line-diff.ts';

/** A line diff between an older text and another, changed lines only with two lines of context. */
export function DiffView({
  title,
  before,
  after,
  onClose,
}: {
  title: string;
  before: string;
  after: string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const lines = useMemo(() => lineDiff(before, after), [before, after]);
  const near = (i: number) => lines.slice(Math.max(0, i - 2), i + 3).some((l) => l.kind !== 'same');
  const changed = lines.some((l) => l.kind !== 'same');
  return (
    <section className="studio-panel studio-diff" aria-label={title}>
      <h2>{title}</h2>
      <button type="button" className="small" onClick={onClose}>
        {t('studio.versions.close')}
      </button>
      {!changed && <p>{t('studio.versions.noDiff')}</p>}
      <pre>
        {lines.map((line, i) =>
          near(i) ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed diff
            <div key={i} className={`diff-${line.kind}`}>
              {line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '- ' : '  '}
              {line.text}
            </div>
          ) : null,
        )}
      </pre>
    </section>
  );
}
