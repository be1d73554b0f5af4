// Wires the filters, map, timeline, table and event panel together.
import { countEntries, getJSON, queryString } from "./api.js";
import { showEvent } from "./event.js";
import { createMap, drawEvents, drawLegend } from "./map.js";
import { createTable } from "./table.js";
import { drawTimeline } from "./timeline.js";

const PAGE = 500;
const form = document.getElementById("filters");
const panel = document.getElementById("event");
const panelBody = document.getElementById("event-body");
const view = createMap(document.getElementById("map"), document.body.dataset.boundaries === "yes");
drawLegend(document.getElementById("legend"));

async function openEvent(id, push = true) {
  if (push) history.pushState({ id }, "", `/events/${encodeURIComponent(id)}`);
  try {
    await showEvent(panel, panelBody, id);
  } catch (err) {
    panelBody.textContent = `event ${id}: ${err.message}`;
    panel.hidden = false;
  }
}

const fillTable = createTable(document.getElementById("events"), openEvent);

function fillSelect(select, entries) {
  for (const [value, label] of entries) {
    const option = document.createElement("option");
    option.value = value;
    option.textContent = label;
    select.append(option);
  }
}

async function loadChoices() {
  const [stats, actors] = await Promise.all([getJSON("/api/stats"), getJSON("/api/actors")]);
  fillSelect(form.elements.country, countEntries(stats.by_country).map(([c, n]) => [c, `${c} (${n})`]));
  fillSelect(form.elements.actor, actors.map((a) => [a.id, `${a.name} (${a.events})`]));
}

async function refresh() {
  const filters = queryString(form);
  for (const link of document.querySelectorAll("[data-export]")) {
    link.href = `/api/export.${link.dataset.export}${filters ? `?${filters}` : ""}`;
  }
  const page = await getJSON(`/api/events?${queryString(form, { limit: PAGE })}`);
  document.getElementById("count").textContent =
    page.total > page.items.length ? `${page.items.length} of ${page.total}` : String(page.total);
  drawEvents(view, page.items, openEvent);
  drawTimeline(document.getElementById("timeline"), page.items);
  fillTable(page.items);
  document.body.dataset.loaded = filters || "all";
}

form.addEventListener("submit", (ev) => { ev.preventDefault(); refresh(); });
form.addEventListener("reset", () => setTimeout(refresh));
document.getElementById("close-event").addEventListener("click", () => {
  panel.hidden = true;
  history.pushState({}, "", "/");
});
window.addEventListener("popstate", () => {
  const match = location.pathname.match(/^\/events\/(.+)$/);
  if (match) openEvent(decodeURIComponent(match[1]), false);
  else panel.hidden = true;
});

await Promise.all([loadChoices(), refresh()]);
if (document.body.dataset.eventId) await openEvent(document.body.dataset.eventId, false);
document.body.dataset.ready = "yes";
