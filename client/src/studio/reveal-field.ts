// Brings a field of the studio's form into view: the one at `path`
// (`agenda[1].speakers`), or the nearest enclosing one that is shown; its
// folded sections opened, the field focused and flashed.
export function revealField(path: string): void {
  let key = path;
  for (;;) {
    const el = document.querySelector<HTMLElement>(`[data-field="${CSS.escape(key)}"]`);
    if (el) {
      for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
      el.scrollIntoView({ block: 'center' });
      (el.querySelector<HTMLElement>('input, textarea, select') ?? el).focus();
      el.classList.add('field-flash');
      return;
    }
    const shorter = key.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    if (shorter === key) return;
    key = shorter;
  }
}
