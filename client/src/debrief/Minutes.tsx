import { useTranslation } from 'react-i18next';
import { Markdown } from '../ui/Markdown.tsx';
import { useDebrief, useNames } from './context.ts';
import { Section } from './Section.tsx';

/** The attempt's minutes, as the secretary would write them, in the page's language. */
export function Minutes() {
  const { t, i18n } = useTranslation();
  const { attempt } = useDebrief();
  const text = i18n.language.startsWith('zh') ? attempt.minutes.zh : attempt.minutes.en;
  // The minutes open with their own "# title" line; the section's heading already says it.
  const body = text.replace(/^#\s[^\n]*\n+/, '');
  return (
    <Section id="minutes" title={t('debrief.minutes.title')} testId="minutes">
      <Markdown text={body} className="db-minutes" headingLevel={2} />
    </Section>
  );
}

/** The scenario's questions for the room's discussion. */
export function Questions() {
  const { t } = useTranslation();
  const { view } = useDebrief();
  const n = useNames();
  if (view.questions.length === 0) return null;
  return (
    <Section id="questions" title={t('debrief.questions.title')}>
      <ol className="db-questions">
        {view.questions.map((q) => (
          <li key={q.zh + q.en}>{n.local(q)}</li>
        ))}
      </ol>
    </Section>
  );
}
