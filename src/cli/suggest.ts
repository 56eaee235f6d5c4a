// "Did you mean ...?": the nearest known name to one the user mistyped, by edit distance, so a
// usage error points at the flag or command meant instead of only saying what is wrong.

/** Levenshtein distance (insert, delete, substitute; a swap of neighbours counts as one). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

/**
 * The known name nearest to `typed`: within a third of its length (at least 2 edits), or one the
 * typed text is the start or a whole `-`-separated part of (`--identity` -> `--certificate-identity`),
 * the first of those in `known` order.
 * Undefined when nothing is close, rather than a guess.
 */
export function nearest(typed: string, known: readonly string[]): string | undefined {
  const t = typed.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const name of known) {
    const d = editDistance(t, name);
    if (best === undefined || d < best.d) best = { name, d };
  }
  if (best && best.d <= Math.max(2, Math.floor(t.length / 3))) return best.name;
  const part = known.filter((k) => k.startsWith(t) || k.split('-').includes(t));
  // Several contain it: the one with the fewest `-` parts (the plainest name:
  // `certificate-identity`, not `revocations-certificate-identity`), then the first in `known`,
  // which lists the main names first (`certificate-identity` before `summary-identity`).
  const parts = (k: string): number => k.split('-').length;
  return part.reduce<string | undefined>(
    (a, k) => (a === undefined || parts(k) < parts(a) ? k : a),
    undefined,
  );
}
