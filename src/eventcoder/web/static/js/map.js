// The map: admin1 boundaries when shipped, else a lat/lon grid; no tile server (offline).
import { TYPE_COLORS, radiusFor, typeColor } from "./colors.js";

const L = window.L;
// No animation: a fit that starts while another zoom animation runs (the panel opening,
// new filter results) leaves Leaflet's SVG paths at the positions of the interrupted one.
const FIT = { padding: [30, 30], maxZoom: 7, animate: false };

export function createMap(element, withBoundaries) {
  const map = L.map(element, { worldCopyJump: false, minZoom: 2, attributionControl: false });
  map.setView([30, 30], 3);
  const view = { map, points: L.layerGroup().addTo(map), boundaries: null, target: null };
  const background = withBoundaries ? drawBoundaries(map) : Promise.resolve(null);
  view.ready = background.then((layer) => {
    view.boundaries = layer;
    if (!layer) drawGraticule(map);
  });
  // Leaflet measures its container once, but the layout changes it (the event panel opens
  // beside the map, the window resizes): measure again, and fit the events again.
  // The observer fires while the layout is still settling: fit on the next frame, when
  // the container has its final size.
  new ResizeObserver(() => requestAnimationFrame(() => fit(view))).observe(element);
  return view;
}

function fit(view) {
  view.map.invalidateSize({ pan: false, animate: false });
  if (view.target?.isValid()) view.map.fitBounds(view.target, FIT);
}

async function drawBoundaries(map) {
  try {
    const res = await fetch("/static/admin1.geojson");
    if (!res.ok) return null;
    const shapes = await res.json();
    return L.geoJSON(shapes, {
      style: { color: "#8a8f98", weight: 1, fillColor: "#eef0e8", fillOpacity: 1 },
      interactive: false,
    }).addTo(map).bringToBack();
  } catch {
    return null;
  }
}

// The admin1 shapes of these countries, when no event of the page has coordinates.
function countryBounds(view, countries) {
  const bounds = L.latLngBounds([]);
  view.boundaries?.eachLayer((shape) => {
    if (countries.has(shape.feature?.properties?.country)) bounds.extend(shape.getBounds());
  });
  return bounds;
}

function drawGraticule(map) {
  const style = { color: "#c9ced6", weight: 1, interactive: false };
  for (let lon = -180; lon <= 180; lon += 10) L.polyline([[-85, lon], [85, lon]], style).addTo(map);
  for (let lat = -80; lat <= 80; lat += 10) L.polyline([[lat, -180], [lat, 180]], style).addTo(map);
}

// Points coloured by type and sized by fatalities; a click opens the event. The map fits
// the points (else the admin1 shapes of the filtered countries, else the events' ones).
export function drawEvents(view, events, onOpen, countries = []) {
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
    view.target = L.latLngBounds(located.map((e) => [e.location.latitude, e.location.longitude]));
    fit(view);
    return Promise.resolve();
  }
  const wanted = new Set(countries.length ? countries
    : events.map((e) => e.location?.country).filter(Boolean));
  return view.ready.then(() => {
    view.target = countryBounds(view, wanted);
    fit(view);
  });
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
