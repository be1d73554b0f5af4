// The event panel: fields, the claim, the reporting chain, and every source article with
// its evidence highlighted. Text goes in through textContent only.
import { getJSON } from "./api.js";
import { highlighted } from "./highlight.js";

function h(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

function actorText(actor) {
  if (!actor) return "—";
  const words = actor.text ? ` (“${actor.text}”)` : "";
  return `${actor.name} [${actor.basis}]${words}`;
}

function dateText(date) {
  if (!date) return "—";
  const days = date.start === date.end ? date.start : `${date.start} to ${date.end}`;
  return `${days} (${date.precision}${date.stated === false ? ", from publication date" : ""})`;
}

function placeText(loc) {
  if (!loc) return "—";
  const names = [loc.place, loc.admin1_name ?? loc.admin1, loc.country].filter(Boolean).join(", ");
  return `${names}${loc.geo_precision ? ` (precision ${loc.geo_precision})` : ""}`;
}

function fieldList(event) {
  const rows = [
    ["Type", `${event.event_type} / ${event.sub_event_type ?? "—"}`],
    ["Date", dateText(event.date)],
    ["Where", placeText(event.location)],
    ["Actor 1", actorText(event.actor1)],
    ["Actor 2", actorText(event.actor2)],
    ["Claimed by", event.claimed_by.map((a) => a.name).join(", ") || "nobody"],
    ["Killed", event.fatalities ?? "—"], ["Injured", event.injuries ?? "—"],
    ["Weapon", event.weapon ?? "—"], ["Status", event.status],
    ["Confidence", event.confidence],
  ];
  const dl = h("dl", undefined, "fields");
  for (const [name, value] of rows) dl.append(h("dt", name), h("dd", value));
  return dl;
}

function chain(event) {
  const section = h("section", undefined, "chain");
  section.append(h("h3", "Reporting chain"));
  const list = h("ol");
  for (const outlet of event.reported_by) {
    list.append(h("li", outlet.text ? `${outlet.name} (“${outlet.text}”)` : outlet.name));
  }
  if (!event.reported_by.length) list.append(h("li", "the article itself"));
  section.append(list, h("p", `Origin: ${event.origin ?? "not stated"}`, "origin"));
  return section;
}

async function sourceBlock(source) {
  const section = h("section", undefined, "source");
  section.dataset.article = source.article;
  section.append(h("h3", `Article ${source.article}`));
  try {
    const { article } = await getJSON(`/api/articles/${encodeURIComponent(source.article)}`);
    const meta = [article.outlet, article.published, article.title].filter(Boolean).join(" · ");
    if (meta) section.append(h("p", meta, "meta"));
    if (article.url && /^https?:\/\//.test(article.url)) {
      const link = h("a", article.url);
      link.href = article.url;
      link.rel = "noreferrer";
      section.append(link);
    }
    section.append(highlighted(article.text, source.evidence));
  } catch (err) {
    section.append(h("p", `article not available: ${err.message}`, "error"));
  }
  return section;
}

export async function showEvent(panel, body, eventId) {
  const event = await getJSON(`/api/events/${encodeURIComponent(eventId)}`);
  const title = h("h2", `${event.sub_event_type ?? event.event_type}`);
  const sources = await Promise.all(event.sources.map(sourceBlock));
  body.replaceChildren(title, fieldList(event), chain(event),
    h("h3", `${event.sources.length} source(s)`), ...sources);
  body.dataset.eventId = event.id;
  panel.hidden = false;
}
