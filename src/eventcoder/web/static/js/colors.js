// One colour per ACLED event type, shared by the map, its legend and the table.
export const TYPE_COLORS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#e67e22",
  "Violence against civilians": "#8e44ad",
  "Protests": "#2980b9",
  "Riots": "#16a085",
  "Strategic developments": "#7f8c8d",
};

export function typeColor(type) {
  return TYPE_COLORS[type] ?? "#34495e";
}

// Circle radius in pixels: grows with the square root of the dead, so area ~ count.
export function radiusFor(fatalities) {
  return 5 + Math.min(20, 2.5 * Math.sqrt(fatalities ?? 0));
}
