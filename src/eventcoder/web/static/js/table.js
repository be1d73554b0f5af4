// The events table: one row per event, sortable by clicking a column header.
import { typeColor } from "./colors.js";

const COLUMNS = {
  date: (e) => e.date?.start ?? "",
  type: (e) => e.sub_event_type ?? e.event_type,
  place: (e) => [e.location?.place, e.location?.admin1_name ?? e.location?.admin1, e.location?.country]
    .filter(Boolean).join(", "),
  actor1: (e) => e.actor1?.name ?? "",
  actor2: (e) => e.actor2?.name ?? "",
  fatalities: (e) => e.fatalities ?? -1,
  sources: (e) => e.sources?.length ?? 0,
};

export function createTable(table, onOpen) {
  const state = { events: [], key: "date", descending: true };
  const render = () => {
    const value = COLUMNS[state.key];
    const rows = [...state.events].sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const order = typeof x === "number" ? x - y : String(x).localeCompare(String(y));
      return state.descending ? -order : order;
    });
    table.tBodies[0].replaceChildren(...rows.map((e) => row(e, onOpen)));
    for (const th of table.tHead.rows[0].cells) {
      th.setAttribute("aria-sort", th.dataset.key !== state.key ? "none"
        : state.descending ? "descending" : "ascending");
    }
  };
  table.tHead.addEventListener("click", (ev) => {
    const key = ev.target.closest("th")?.dataset.key;
    if (!key) return;
    state.descending = key === state.key ? !state.descending : key === "date" || key === "fatalities";
    state.key = key;
    render();
  });
  return (events) => { state.events = events; render(); };
}

function row(event, onOpen) {
  const tr = document.createElement("tr");
  tr.dataset.id = event.id;
  for (const [key, value] of Object.entries(COLUMNS)) {
    const td = document.createElement("td");
    const v = value(event);
    td.textContent = key === "fatalities" && v < 0 ? "" : String(v);
    if (key === "type") td.style.borderLeft = `4px solid ${typeColor(event.event_type)}`;
    tr.append(td);
  }
  tr.addEventListener("click", () => onOpen(event.id));
  return tr;
}
