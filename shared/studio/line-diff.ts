// A line diff for "compare with the current version": the longest common
// subsequence of lines, as kept, removed and added lines. Quadratic in the
// lines that differ, after trimming the common head and tail, which is
// small for two versions of one scenario.
export type DiffLine = { kind: 'same' | 'removed' | 'added'; text: string };

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const width = midB.length + 1;
  // lcs[i * width + j]: the longest common subsequence of midA[i..] and midB[j..].
  const lcs = new Int32Array((midA.length + 1) * width);
  const at = (i: number, j: number) => lcs[i * width + j] ?? 0;
  for (let i = midA.length - 1; i >= 0; i--)
    for (let j = midB.length - 1; j >= 0; j--)
      lcs[i * width + j] = midA[i] === midB[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  const out: DiffLine[] = a.slice(0, head).map((text) => ({ kind: 'same', text }));
  let i = 0;
  let j = 0;
  while (i < midA.length || j < midB.length) {
    const x = midA[i];
    const y = midB[j];
    if (x !== undefined && y !== undefined && x === y) {
      out.push({ kind: 'same', text: x });
      i++;
      j++;
    } else if (y !== undefined && (x === undefined || at(i, j + 1) >= at(i + 1, j))) {
      out.push({ kind: 'added', text: y });
      j++;
    } else {
      out.push({ kind: 'removed', text: x ?? '' });
      i++;
    }
  }
  for (const text of a.slice(a.length - tail)) out.push({ kind: 'same', text });
  return out;
}
