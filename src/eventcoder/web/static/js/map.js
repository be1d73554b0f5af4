// The map: admin1 boundaries when shipped, else a lat/lon grid; no tile server (offline).
import { TYPE_COLORS, radiusFor, typeColor } from "./colors.js";

const L = window.L;

export function createMap(element, withBoundaries) {
  const map = L.map(element, { worldCopyJump: false, minZoom: 2, attributionControl: false });
  map.setView([30, 30], 3);
  const background = withBoundaries ? drawBoundaries(map) : Promise.resolve(false);
  background.then((drawn) => { if (!drawn) drawGraticule(map); });
  return { map, points: L.layerGroup().addTo(map) };
}

async function drawBoundaries(map) {
  try {
    const res = await fetch("/static/admin1.geojson");
    if (!res.ok) return false;
    const shapes = await res.json();
    L.geoJSON(shapes, {
      style: { color: "#8a8f98", weight: 1, fillColor: "#eef0e8", fillOpacity: 1 },
      interactive: false,
    }).addTo(map).bringToBack();
    return true;
  } catch {
    return false;
  }
}

function drawGraticule(map) {
  const style = { color: "#c9ced6", weight: 1, interactive: false };
  for (let lon = -180; lon <= 180; lon += 10) L.polyline([[-85, lon], [85, lon]], style).addTo(map);
  for (let lat = -80; lat <= 80; lat += 10) L.polyline([[lat, -180], [lat, 180]], style).addTo(map);
}

// Points coloured by type and sized by fatalities; a click opens the event.
export function drawEvents(view, events, onOpen) {
  view.points.clearLayers();
  const located = events.filter((e) => e.location?.latitude != null && e.location?.longitude != null);
  for (const event of located) {
    const marker = L.circleMarker([event.location.latitude, event.location.longitude], {
      radius: radiusFor(event.fatalities), color: "#222", weight: 1,
      fillColor: typeColor(event.event_type), fillOpacity: 0.8,
    });
    marker.bindTooltip(`${event.sub_event_type ?? event.event_type} – ${event.location.place ?? ""}`);
    marker.on("click", () => onOpen(event.id));
    marker.addTo(view.points);
  }
  if (located.length) {
    view.map.fitBounds(L.latLngBounds(located.map((e) => [e.location.latitude, e.location.longitude])),
      { maxZoom: 7, padding: [30, 30] });
  }
}

export function drawLegend(element) {
  element.replaceChildren(...Object.entries(TYPE_COLORS).map(([type, color]) => {
    const item = document.createElement("span");
    const dot = document.createElement("i");
    dot.style.background = color;
    item.append(dot, document.createTextNode(type));
    return item;
  }));
}
