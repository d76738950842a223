// A log that follows its newest entry while the reader is at the bottom, and
// stays put (counting what is new) once they scroll up to read.
import { useLayoutEffect, useRef, useState } from 'react';

/** Follows new lines while the reader is at the bottom; returns what a "jump to newest" needs. */
export function useFollow(count: number) {
  const ref = useRef<HTMLDivElement>(null);
  const [stuck, setStuck] = useState(true);
  const [seen, setSeen] = useState(count);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && stuck) {
      el.scrollTop = el.scrollHeight;
      setSeen(count);
    }
  }, [count, stuck]);
  const onScroll = () => {
    const el = ref.current;
    if (!el) return;
    const atBottom = el.scrollTop + el.clientHeight >= el.scrollHeight - 24;
    setStuck(atBottom);
    if (atBottom) setSeen(count);
  };
  const jump = () => {
    const el = ref.current;
    if (el) el.scrollTop = el.scrollHeight;
    setStuck(true);
    setSeen(count);
  };
  return { ref, onScroll, unseen: stuck ? 0 : count - seen, jump };
}
