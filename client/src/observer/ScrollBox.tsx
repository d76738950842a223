import type { ReactNode, Ref } from 'react';

interface Props {
  label: string;
  /** New entries are announced politely (transcripts, chat). */
  log?: boolean;
  className?: string;
  testId?: string;
  boxRef?: Ref<HTMLDivElement>;
  onScroll?: () => void;
  children: ReactNode;
}

/** A scrolling region that keyboard users can reach (tabIndex 0) and screen readers can name. */
export function ScrollBox({ label, log, className, testId, boxRef, onScroll, children }: Props) {
  const common = {
    ref: boxRef,
    className: `obs-scroll${className ? ` ${className}` : ''}`,
    'aria-label': label,
    'data-testid': testId,
    tabIndex: 0,
    onScroll,
  };
  return log ? (
    <div role="log" {...common}>
      {children}
    </div>
  ) : (
    <section {...common}>{children}</section>
  );
}
