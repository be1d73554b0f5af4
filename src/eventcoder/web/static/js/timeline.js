// Events per ISO week (Monday start) as SVG bars, drawn from the events on the page.

const SVG = "http://www.w3.org/2000/svg";

export function weekStart(isoDay) {
  const d = new Date(`${isoDay}T00:00:00Z`);
  const shift = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - shift);
  return d.toISOString().slice(0, 10);
}

export function countByWeek(events) {
  const counts = new Map();
  for (const e of events) {
    if (!e.date?.start) continue;
    const week = weekStart(e.date.start);
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function el(name, attrs, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function drawTimeline(svg, events) {
  const weeks = countByWeek(events);
  const width = svg.clientWidth || 800;
  const height = 120;
  const pad = 24;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.replaceChildren();
  if (!weeks.length) {
    svg.append(el("text", { x: pad, y: height / 2 }, "no dated events"));
    return;
  }
  const first = Date.parse(weeks[0][0]);
  const last = Date.parse(weeks[weeks.length - 1][0]);
  const span = Math.max(1, (last - first) / 604800000 + 1);
  const step = (width - 2 * pad) / span;
  const barWidth = Math.max(2, Math.min(40, step - 1));
  const top = Math.max(...weeks.map(([, n]) => n));
  for (const [week, n] of weeks) {
    const x = pad + ((Date.parse(week) - first) / 604800000) * step;
    const h = ((height - 2 * pad) * n) / top;
    const bar = el("rect", { x, y: height - pad - h, width: barWidth, height: h, class: "bar" });
    bar.append(el("title", {}, `week of ${week}: ${n}`));
    svg.append(bar);
  }
  svg.append(el("text", { x: pad, y: height - 6 }, weeks[0][0]));
  svg.append(el("text", { x: width - pad, y: height - 6, "text-anchor": "end" }, weeks[weeks.length - 1][0]));
  svg.append(el("text", { x: pad, y: 14 }, `max ${top} / week`));
}
