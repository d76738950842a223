// A share as people read it, for minutes and every screen. Pure and free of
// dependencies, so a trainee's phone can format shares without loading the rules.

/** part/whole as a percentage for minutes: "72%", "66.7%". Rounds half up to one decimal. */
export function formatShare(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  // Tenths of a percent, rounded half up without going through a lossy part/whole first.
  const tenths = Math.floor((part * 2000 + whole) / (2 * whole));
  return `${tenths % 10 === 0 ? tenths / 10 : (tenths / 10).toFixed(1)}%`;
}
