// Article text with its evidence spans in <mark>, built from text nodes only: whatever
// markup an article contains is shown as text, never parsed.

// Sorted, non-overlapping [start, end) ranges clipped to the text; overlapping spans
// share one <mark>, adjacent ones keep their own.
export function mergeSpans(spans, length) {
  const ranges = spans
    .map((s) => [Math.max(0, s.start), Math.min(length, s.end)])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged = [];
  for (const [a, b] of ranges) {
    const last = merged[merged.length - 1];
    if (last && a < last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

export function highlighted(text, spans) {
  const block = document.createElement("div");
  block.className = "article-text";
  let at = 0;
  for (const [start, end] of mergeSpans(spans, text.length)) {
    if (start > at) block.append(document.createTextNode(text.slice(at, start)));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(start, end);
    block.append(mark);
    at = end;
  }
  if (at < text.length) block.append(document.createTextNode(text.slice(at)));
  return block;
}
