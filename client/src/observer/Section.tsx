// A collapsible section of the single-sided screen. The heading is the toggle
// (a real button, so Tab and Enter work); the choice is remembered per section.
import { type ReactNode, useState } from 'react';

const KEY = 'civic-rehearsal.observer.collapsed';

function loadCollapsed(): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(KEY) ?? '[]') as string[]);
  } catch {
    return new Set();
  }
}

function saveCollapsed(id: string, collapsed: boolean): void {
  const all = loadCollapsed();
  if (collapsed) all.add(id);
  else all.delete(id);
  try {
    localStorage.setItem(KEY, JSON.stringify([...all]));
  } catch {
    // Private mode: the layout lasts for this page only.
  }
}

export function Section({
  id,
  title,
  badge,
  actions,
  className,
  testId,
  children,
}: {
  id: string;
  title: string;
  /** A short status shown beside the title, visible even when collapsed. */
  badge?: ReactNode;
  actions?: ReactNode;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(() => !loadCollapsed().has(id));
  const toggle = () => {
    setOpen(!open);
    saveCollapsed(id, open);
  };
  return (
    <section
      className={`obs-section${className ? ` ${className}` : ''}${open ? '' : ' collapsed'}`}
      aria-labelledby={`obs-${id}-title`}
      data-testid={testId}
    >
      <div className="obs-section-head">
        <h2>
          <button
            type="button"
            id={`obs-${id}-title`}
            className="obs-toggle"
            aria-expanded={open}
            aria-controls={`obs-${id}-body`}
            onClick={toggle}
          >
            <span className="obs-chevron" aria-hidden="true" />
            {title}
          </button>
        </h2>
        {badge}
        {actions && <div className="obs-section-actions">{actions}</div>}
      </div>
      <div id={`obs-${id}-body`} className="obs-section-body" hidden={!open}>
        {children}
      </div>
    </section>
  );
}
