import { M2_PER_MU, type ParcelGeometry } from '../../../shared/land';

/**
 * Geodesic area of a parcel polygon on the WGS84 sphere (radius 6,378,137 m), the spherical-excess form of
 * Chamberlain & Duquette (2007) that @turf/area uses: for each vertex, (λ(i+1) − λ(i−1)) · sin φ(i), × R²/2.
 * Holes are subtracted. Accurate to well under 0.5 % for parcels (the ellipsoid's flattening), enough for mu.
 */
export const EARTH_RADIUS_M = 6_378_137;

const rad = (deg: number) => (deg * Math.PI) / 180;

function ringArea(ring: readonly (readonly number[])[]): number {
  // The ring is closed (first = last); work on the distinct vertices.
  const pts = ring.slice(0, -1);
  const n = pts.length;
  if (n < 3) return 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const prev = pts[(i + n - 1) % n]!;
    const cur = pts[i]!;
    const next = pts[(i + 1) % n]!;
    total += (rad(next[0]!) - rad(prev[0]!)) * Math.sin(rad(cur[1]!));
  }
  return Math.abs((total * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2);
}

function polygonArea(rings: readonly (readonly (readonly number[])[])[]): number {
  const [outer, ...holes] = rings;
  if (!outer) return 0;
  return Math.max(0, ringArea(outer) - holes.reduce((s, h) => s + ringArea(h), 0));
}

/** Largest parcel accepted (100 km²): anything bigger is a coordinate mistake (and would overflow the column). */
export const MAX_PARCEL_M2 = 100_000_000;

/** Why an area cannot be a parcel's, or null. */
export function areaProblem(areaM2: number): 'LAND_ZERO_AREA' | 'LAND_TOO_LARGE' | null {
  if (!(areaM2 > 0)) return 'LAND_ZERO_AREA';
  return areaM2 > MAX_PARCEL_M2 ? 'LAND_TOO_LARGE' : null;
}

/** Area in m² (2 decimals) and mu (4 decimals) of a Polygon or MultiPolygon. */
export function geodesicArea(g: ParcelGeometry): { areaM2: number; areaMu: number } {
  const m2 = g.type === 'Polygon' ? polygonArea(g.coordinates) : g.coordinates.reduce((s, p) => s + polygonArea(p), 0);
  return { areaM2: Math.round(m2 * 100) / 100, areaMu: Math.round((m2 / M2_PER_MU) * 10_000) / 10_000 };
}

/** "lng,lat;lng,lat;…" (Excel cell) → a closed Polygon, or null when it does not parse. */
export function polygonFromText(text: string): ParcelGeometry | null {
  const pts = text
    .split(/[;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((p) => p.split(/[,，\s]+/).map(Number));
  if (pts.length < 3 || pts.some((p) => p.length !== 2 || p.some((v) => !Number.isFinite(v)))) return null;
  if (pts.some(([lng, lat]) => Math.abs(lng!) > 180 || Math.abs(lat!) > 90)) return null;
  const first = pts[0]!;
  const last = pts.at(-1)!;
  if (first[0] !== last[0] || first[1] !== last[1]) pts.push([first[0]!, first[1]!]);
  if (pts.length < 4) return null;
  return { type: 'Polygon', coordinates: [pts.map((p) => [p[0]!, p[1]!] as [number, number])] };
}

/** The outer ring of a polygon as "lng,lat;…" for the Excel export. */
export function polygonToText(g: ParcelGeometry): string {
  const ring = g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0]?.[0];
  return (ring ?? []).map(([lng, lat]) => `${lng},${lat}`).join(';');
}
