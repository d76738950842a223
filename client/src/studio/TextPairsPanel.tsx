import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { missingLanguage, textPairs } from '../../../shared/studio/text-pairs.ts';

/** Every text of the file with its Chinese and English side by side, and how many lack a language. */
export function TextPairsPanel({ text, onJump }: { text: string; onJump(line: number): void }) {
  const { t } = useTranslation();
  const pairs = useMemo(() => textPairs(text), [text]);
  const missing = pairs.filter(missingLanguage);
  const [onlyMissing, setOnlyMissing] = useState(false);
  const shown = onlyMissing ? missing : pairs;
  return (
    <section className="studio-panel" aria-labelledby="studio-texts">
      <h2 id="studio-texts">{t('studio.texts.heading')}</h2>
      <p className={missing.length > 0 ? 'studio-bad' : 'studio-good'} data-testid="missing-languages">
        {missing.length > 0
          ? t('studio.texts.missing', { count: missing.length })
          : t('studio.texts.allBoth')}
      </p>
      <label className="studio-check">
        <input type="checkbox" checked={onlyMissing} onChange={(e) => setOnlyMissing(e.target.checked)} />{' '}
        {t('studio.texts.showMissing')}
      </label>
      <table className="studio-texts">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('studio.texts.zh')}</th>
            <th scope="col">{t('studio.texts.en')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((pair) => (
            <tr key={`${pair.path}:${pair.line}`} className={missingLanguage(pair) ? 'missing' : undefined}>
              <td>
                <button type="button" className="link" onClick={() => onJump(pair.line)}>
                  {pair.line}
                </button>
              </td>
              {pair.plain ? (
                <td colSpan={2}>
                  {pair.zh} <span className="hint">{t('studio.texts.sameText')}</span>
                </td>
              ) : (
                <>
                  <td lang="zh">{pair.zh ?? t('studio.texts.empty')}</td>
                  <td lang="en">{pair.en ?? t('studio.texts.empty')}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
