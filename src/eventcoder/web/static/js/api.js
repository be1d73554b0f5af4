// Thin fetch helpers over the JSON API: the page computes nothing the API does not give.

export async function getJSON(url) {
  const res = await fetch(url, { headers: { Accept: "application/json" } });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.json();
}

// Filter form -> query string; empty fields are left out.
export function queryString(form, extra = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) {
    if (String(value).trim()) params.set(key, String(value).trim());
  }
  for (const [key, value] of Object.entries(extra)) params.set(key, String(value));
  return params.toString();
}

// Counts come as {key: n} or as [[key, n], …] or [{key|name|id, count|events}, …].
export function countEntries(value) {
  if (!value) return [];
  if (Array.isArray(value)) {
    return value.map((v) => (Array.isArray(v) ? [String(v[0]), Number(v[1])]
      : [String(v.key ?? v.name ?? v.id), Number(v.count ?? v.events ?? v.n)]));
  }
  return Object.entries(value).map(([k, v]) => [k, Number(v)]);
}
