import type { ReactNode } from 'react';

/** One debrief section: a panel with its heading, a jump target for the section menu, a page of its own in print. */
export function Section({
  id,
  title,
  intro,
  children,
  testId,
  aside,
}: {
  id: string;
  title: string;
  intro?: string;
  children: ReactNode;
  testId?: string;
  /** Controls beside the heading (filters, selects). */
  aside?: ReactNode;
}) {
  return (
    <section id={id} className="panel db-section" aria-labelledby={`${id}-heading`} data-testid={testId}>
      <div className="db-section-head">
        <h2 id={`${id}-heading`} tabIndex={-1}>
          {title}
        </h2>
        {aside}
      </div>
      {intro && <p className="hint db-intro">{intro}</p>}
      {children}
    </section>
  );
}

/** A horizontal bar: `value` of `max`, with its label written out beside it. */
export function Bar({
  value,
  max,
  label,
  tone,
}: {
  value: number;
  max: number;
  label: string;
  tone?: 'accent' | 'warn' | 'ok' | 'muted';
}) {
  const width = max > 0 ? Math.max(0, Math.min(100, (value / max) * 100)) : 0;
  return (
    <span className="db-bar">
      <span className="db-bar-track" aria-hidden="true">
        <span className={`db-bar-fill ${tone ?? ''}`} style={{ width: `${width}%` }} />
      </span>
      <span className="db-bar-label">{label}</span>
    </span>
  );
}

/** A wide table's frame: scrolls sideways on a phone, reachable by keyboard, named for screen readers. */
export function Scroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus so keyboard users can scroll it
    <section className="db-scroll" tabIndex={0} aria-label={label}>
      {children}
    </section>
  );
}
