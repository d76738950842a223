// A line diff for "compare with the current version": the longest common
// subsequence of lines, as runs of kept, removed and added lines. Quadratic
// in the lines that differ, after trimming the common head and tail, which
// is small for two versions of one scenario.
export type DiffLine = {
  kind: 'same' | 'removed' | 'added';
  text: string;
  oldLine?: number;
  newLine?: number;
};

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
  // lcs[i][j]: the longest common subsequence of midA[i..] and midB[j..].
  const lcs: number[][] = Array.from({ length: midA.length + 1 }, () =>
    new Array<number>(midB.length + 1).fill(0),
  );
  for (let i = midA.length - 1; i >= 0; i--)
    for (let j = midB.length - 1; j >= 0; j--)
      lcs[i]![j] = midA[i] === midB[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: DiffLine[] = a
    .slice(0, head)
    .map((text, i) => ({ kind: 'same', text, oldLine: i + 1, newLine: i + 1 }));
  let i = 0;
  let j = 0;
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
      out.push({ kind: 'same', text: midA[i]!, oldLine: head + i + 1, newLine: head + j + 1 });
      i++;
      j++;
    } else if (j < midB.length && (i === midA.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      out.push({ kind: 'added', text: midB[j]!, newLine: head + j + 1 });
      j++;
    } else {
      out.push({ kind: 'removed', text: midA[i]!, oldLine: head + i + 1 });
      i++;
    }
  }
  for (let k = 0; k < tail; k++)
    out.push({
      kind: 'same',
      text: a[a.length - tail + k]!,
      oldLine: a.length - tail + k + 1,
      newLine: b.length - tail + k + 1,
    });
  return out;
}
