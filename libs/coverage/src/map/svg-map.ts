import { Extent, MultiPolygonCoordinates, pathData, projectPolygons, Projection, UNITS_PER_PIXEL } from './projection';
import { simplifyShared } from './simplify';

export interface MapMunicipality {
  ags: string;
  name: string;
  geometry: MultiPolygonCoordinates;
  /** estimated minutes to the nearest partner; null when there is none */
  minutes: number | null;
  covered: boolean;
  population: number | null;
  nearestName: string | null;
  label: { latitude: number; longitude: number };
}

export interface MapDistrict {
  ags: string;
  name: string;
  geometry: MultiPolygonCoordinates;
  label: { latitude: number; longitude: number };
  /** drawn with its municipalities; the others are grey context */
  inScope: boolean;
}

export interface MapInput {
  title: string;
  subtitle: string;
  extent: Extent;
  municipalities: MapMunicipality[];
  districts: MapDistrict[];
  partners: { latitude: number; longitude: number }[];
  /** on request: the measuring points, a circle each by the people it stands for, filled when within the threshold */
  measuringPoints?: { latitude: number; longitude: number; weight: number; covered: boolean; name: string }[];
  thresholdMinutes: number;
  /** short lines for the legend panel: the figures of the map */
  summary: string[];
  /** how the figures were made, in a sentence or two */
  method: string;
  attribution: string;
  /** label municipalities by name (a district map; too crowded for all Saxony) */
  labelMunicipalities: boolean;
}

export interface MinuteBin {
  /** upper bound (inclusive), Infinity for the last */
  upTo: number;
  color: string;
  label: string;
  /** within the threshold */
  covered: boolean;
}

/**
 * ColorBrewer YlOrRd, 6 classes: sequential, colour-blind safe and print friendly; light = near,
 * dark red = far. Municipalities without any partner get a dark grey with white hatching, which
 * stays distinct from red under every colour-vision deficiency.
 */
export const PALETTE = ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'];
export const NO_PARTNER_COLOR = '#525252';
const PARTNER_COLOR = '#08306b';
export const FONT_FAMILY = 'DejaVu Sans, Liberation Sans, Arial, Helvetica, sans-serif';

const fmt = (n: number) => new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 }).format(n);

/** Six classes whose second boundary is the threshold: two shades inside, four beyond it. */
export function minuteBins(threshold: number): MinuteBin[] {
  const edges = [threshold / 2, threshold, threshold * 1.5, threshold * 2, threshold * 3].map((e) => Math.round(e));
  const labels = [
    `bis ${edges[0]} Min.`,
    `${edges[0]}–${edges[1]} Min.`,
    `${edges[1]}–${edges[2]} Min.`,
    `${edges[2]}–${edges[3]} Min.`,
    `${edges[3]}–${edges[4]} Min.`,
    `über ${edges[4]} Min.`,
  ];
  return PALETTE.map((color, i) => ({ upTo: i < 5 ? edges[i] : Infinity, color, label: labels[i], covered: i < 2 }));
}

/** The class of a municipality; `covered` decides on which side of the threshold it falls. */
export function binIndex(bins: MinuteBin[], minutes: number | null, covered: boolean): number | null {
  if (minutes === null) return null;
  if (covered) return minutes <= bins[0].upTo ? 0 : 1;
  const i = bins.findIndex((b, k) => k >= 2 && minutes <= b.upTo);
  return i < 0 ? bins.length - 1 : i;
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function niceScaleKm(kmPerPixel: number, targetPx: number): number {
  const raw = kmPerPixel * targetPx;
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200];
  return steps.reduce((best, s) => (Math.abs(s - raw) < Math.abs(best - raw) ? s : best), steps[0]);
}

/** Splits text into lines of at most `max` characters at spaces. */
function wrap(text: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && (line + ' ' + word).length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const MAP_MAX_WIDTH = 1000;
const MAP_MAX_HEIGHT = 820;
const PANEL_WIDTH = 330;
const MARGIN = 24;
const HEADER = 78;
/** below the map: scale bar and north arrow */
const BELOW_MAP = 44;
const FOOTER = 30;
/** Douglas–Peucker tolerance in pixels: invisible at the drawn size and at 2× PNG */
const SIMPLIFY_TOLERANCE_PX = 0.35;

/** Grid the geometry may be snapped to before drawing: a quarter pixel of the map drawn for `extent`. */
export function mapGridDegrees(extent: Extent): number {
  return new Projection(extent, MAP_MAX_WIDTH, MAP_MAX_HEIGHT).degreesPerPixel / 4;
}

function legendPanel(input: MapInput, bins: MinuteBin[], lx: number, top: number): { svg: string[]; bottom: number } {
  const legend: string[] = [`<g id="legend" font-size="12.5" fill="#1a1a1a">`];
  let y = top + 6;
  const t = fmt(input.thresholdMinutes);
  legend.push(`<text x="${lx}" y="${y + 12}" font-size="14" font-weight="bold">Fahrzeit zum nächsten Partner</text>`);
  y += 22;
  legend.push(`<text x="${lx}" y="${y + 12}" font-size="11.5" fill="#404040">geschätzt; Schwelle ${t} Min.</text>`);
  y += 26;
  const bracketX = lx + 170;
  const bracket = (fromY: number, toY: number, label: string) =>
    legend.push(
      `<path d="M${bracketX} ${fromY}h5v${toY - fromY}h-5" fill="none" stroke="#595959" stroke-width="1"/>`,
      `<text x="${bracketX + 11}" y="${(fromY + toY) / 2 + 4}" font-size="11.5" fill="#404040">${label}</text>`,
    );
  let groupTop = y;
  bins.forEach((bin, i) => {
    if (i === 2) {
      bracket(groupTop + 1, y - 5, `versorgt (≤ ${t} Min.)`);
      legend.push(`<line x1="${lx}" y1="${y + 1}" x2="${lx + PANEL_WIDTH - 24}" y2="${y + 1}" stroke="#1a1a1a" stroke-width="1.2" stroke-dasharray="4 3"/>`);
      y += 8;
      groupTop = y;
    }
    legend.push(
      `<rect class="legend-swatch" x="${lx}" y="${y}" width="26" height="16" fill="${bin.color}" stroke="#8c8c8c" stroke-width="0.6"/>`,
      `<text class="legend-label" x="${lx + 36}" y="${y + 12.5}">${escapeXml(bin.label)}</text>`,
    );
    y += 22;
  });
  bracket(groupTop + 1, y - 5, 'nicht versorgt');
  y += 4;
  legend.push(
    `<rect class="legend-swatch" x="${lx}" y="${y}" width="26" height="16" fill="url(#no-partner)" stroke="#8c8c8c" stroke-width="0.6"/>`,
    `<text class="legend-label" x="${lx + 36}" y="${y + 12.5}">kein Partner im Netz</text>`,
  );
  y += 28;
  legend.push(
    `<circle cx="${lx + 13}" cy="${y + 8}" r="3.4" fill="${PARTNER_COLOR}" stroke="#ffffff" stroke-width="0.9"/>`,
    `<text x="${lx + 36}" y="${y + 12.5}">Standort eines Partners</text>`,
  );
  y += 22;
  legend.push(`<line x1="${lx}" y1="${y + 8}" x2="${lx + 26}" y2="${y + 8}" stroke="#1f1f1f" stroke-width="1.3"/>`, `<text x="${lx + 36}" y="${y + 12.5}">Kreisgrenze</text>`);
  y += 40;
  legend.push(`<text x="${lx}" y="${y}" font-size="14" font-weight="bold">Kennzahlen</text>`);
  y += 6;
  for (const line of input.summary) {
    for (const [k, part] of wrap(line, 44).entries()) {
      y += 17;
      legend.push(`<text class="summary" x="${k ? lx + 10 : lx}" y="${y}">${escapeXml(part)}</text>`);
    }
  }
  y += 28;
  legend.push(`<text x="${lx}" y="${y}" font-size="12" font-weight="bold">Methode</text>`);
  for (const part of wrap(input.method, 52)) {
    y += 15;
    legend.push(`<text x="${lx}" y="${y}" font-size="10.5" fill="#404040">${escapeXml(part)}</text>`);
  }
  legend.push(`</g>`);
  return { svg: legend, bottom: y };
}

/**
 * The coverage map as a standalone SVG document: municipalities shaded by minutes to the nearest
 * partner (one `<path class="municipality" data-ags>` each, with a tooltip), district borders on top,
 * partner locations, scale bar, legend with the figures, title and attribution. No browser, no
 * external resources — resvg renders it to PNG unchanged.
 */
export function renderCoverageMap(input: MapInput): string {
  const projection = new Projection(input.extent, MAP_MAX_WIDTH, MAP_MAX_HEIGHT, MARGIN, HEADER);
  const mapW = projection.width;
  const mapH = projection.height;
  const panelX = MARGIN + mapW + MARGIN;
  const width = Math.round(panelX + PANEL_WIDTH + MARGIN);
  const bins = minuteBins(input.thresholdMinutes);
  const legend = legendPanel(input, bins, panelX, HEADER);
  const height = Math.round(Math.max(HEADER + mapH + BELOW_MAP, legend.bottom + MARGIN) + FOOTER);

  // municipalities and districts simplified together, so shared borders stay shared
  const simplified = simplifyShared(
    [...input.municipalities.map((m) => projectPolygons(m.geometry, projection)), ...input.districts.map((d) => projectPolygons(d.geometry, projection))],
    SIMPLIFY_TOLERANCE_PX * UNITS_PER_PIXEL,
  );
  const municipalityPath = (i: number) => pathData(simplified[i]);
  const districtPath = (i: number) => pathData(simplified[input.municipalities.length + i]);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT_FAMILY}">`,
    `<title>${escapeXml(input.title)}</title>`,
    `<desc>${escapeXml(`${input.subtitle}. ${input.method} ${input.attribution}`)}</desc>`,
    `<defs>`,
    `<pattern id="no-partner" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">`,
    `<rect width="6" height="6" fill="${NO_PARTNER_COLOR}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="1.6"/>`,
    `</pattern>`,
    `<clipPath id="map-frame"><rect x="${MARGIN}" y="${HEADER}" width="${mapW.toFixed(1)}" height="${mapH.toFixed(1)}"/></clipPath>`,
    `</defs>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text id="title" x="${MARGIN}" y="34" font-size="22" font-weight="bold" fill="#1a1a1a">${escapeXml(input.title)}</text>`,
    `<text id="subtitle" x="${MARGIN}" y="60" font-size="13.5" fill="#404040">${escapeXml(input.subtitle)}</text>`,
  );

  // map body, clipped to its frame
  out.push(`<g clip-path="url(#map-frame)">`, `<rect x="${MARGIN}" y="${HEADER}" width="${mapW.toFixed(1)}" height="${mapH.toFixed(1)}" fill="#eef3f7"/>`);
  out.push(`<g id="context" fill="#e6e6e6" stroke="#b0b0b0" stroke-width="0.8" fill-rule="evenodd">`);
  input.districts.forEach((d, i) => {
    if (!d.inScope) out.push(`<path class="context-district" data-ags="${d.ags}" d="${districtPath(i)}"/>`);
  });
  out.push(`</g>`, `<g id="municipalities" stroke="#ffffff" stroke-width="0.35" stroke-linejoin="round" fill-rule="evenodd">`);
  input.municipalities.forEach((m, i) => {
    const bin = binIndex(bins, m.minutes, m.covered);
    const fill = bin === null ? 'url(#no-partner)' : bins[bin].color;
    const tip =
      m.minutes === null
        ? `${m.name}: kein Partner im Netz`
        : `${m.name}: ca. ${fmt(m.minutes)} Min. zum nächsten Partner${m.nearestName ? ` (${m.nearestName})` : ''}${m.population !== null ? `; ${fmt(m.population)} Einw.` : ''}`;
    out.push(
      `<path class="municipality" id="m-${m.ags}" data-ags="${m.ags}" data-minutes="${m.minutes === null ? '' : m.minutes.toFixed(1)}" data-covered="${m.covered}" fill="${fill}" d="${municipalityPath(i)}"><title>${escapeXml(tip)}</title></path>`,
    );
  });
  out.push(`</g>`, `<g id="district-borders" fill="none" stroke="#1f1f1f" stroke-width="1.3" stroke-linejoin="round">`);
  input.districts.forEach((d, i) => {
    if (d.inScope) out.push(`<path class="district" data-ags="${d.ags}" d="${districtPath(i)}"/>`);
  });
  out.push(`</g>`, `<g id="partners" fill="${PARTNER_COLOR}" stroke="#ffffff" stroke-width="0.9">`);
  for (const p of input.partners) {
    out.push(`<circle cx="${projection.x(p.longitude).toFixed(1)}" cy="${projection.y(p.latitude).toFixed(1)}" r="2.8"/>`);
  }
  out.push(`</g>`);
  if (input.measuringPoints) {
    // area ∝ people: r = 1.2 px for 100, 12 px for 10,000, capped for the big cities
    out.push(`<g id="measuring-points" stroke="#1f1f1f" stroke-width="0.8">`);
    for (const p of input.measuringPoints) {
      const r = Math.min(16, Math.max(1.2, 0.12 * Math.sqrt(p.weight)));
      out.push(
        `<circle class="measuring-point" data-covered="${p.covered}" cx="${projection.x(p.longitude).toFixed(1)}" cy="${projection.y(p.latitude).toFixed(1)}" r="${r.toFixed(1)}" fill="${p.covered ? '#ffffff' : 'none'}" fill-opacity="0.8"><title>${escapeXml(`${p.name}: ${fmt(p.weight)} Einw., ${p.covered ? 'innerhalb' : 'außerhalb'} der Schwelle`)}</title></circle>`,
      );
    }
    out.push(`</g>`);
  }
  const halo = `stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"`;
  if (input.labelMunicipalities) {
    out.push(`<g id="municipality-labels" font-size="9" fill="#262626" text-anchor="middle" ${halo}>`);
    for (const m of input.municipalities) {
      out.push(`<text x="${projection.x(m.label.longitude).toFixed(1)}" y="${(projection.y(m.label.latitude) + 3).toFixed(1)}">${escapeXml(m.name.replace(/, Stadt$/, ''))}</text>`);
    }
    out.push(`</g>`);
  } else {
    out.push(`<g id="district-labels" font-size="12" font-weight="bold" fill="#1a1a1a" text-anchor="middle" ${halo}>`);
    for (const d of input.districts.filter((x) => x.inScope)) {
      out.push(`<text x="${projection.x(d.label.longitude).toFixed(1)}" y="${projection.y(d.label.latitude).toFixed(1)}">${escapeXml(d.name)}</text>`);
    }
    out.push(`</g>`);
  }
  out.push(`</g>`);
  out.push(`<rect x="${MARGIN}" y="${HEADER}" width="${mapW.toFixed(1)}" height="${mapH.toFixed(1)}" fill="none" stroke="#8c8c8c" stroke-width="0.8"/>`);

  // scale bar and north arrow under the map, where they hide nothing
  const km = niceScaleKm(projection.kmPerPixel, 140);
  const barPx = km / projection.kmPerPixel;
  const sx = MARGIN;
  const sy = HEADER + mapH + 24;
  out.push(
    `<g id="scale-bar" font-size="11" fill="#1a1a1a">`,
    `<rect x="${sx}" y="${sy}" width="${(barPx / 2).toFixed(1)}" height="5" fill="#1a1a1a"/>`,
    `<rect x="${(sx + barPx / 2).toFixed(1)}" y="${sy}" width="${(barPx / 2).toFixed(1)}" height="5" fill="#ffffff" stroke="#1a1a1a" stroke-width="0.8"/>`,
    `<text x="${sx}" y="${sy - 5}">0</text><text x="${(sx + barPx).toFixed(1)}" y="${sy - 5}" text-anchor="middle">${km} km</text>`,
    `</g>`,
    `<g id="north-arrow" transform="translate(${(sx + barPx + 48).toFixed(1)} ${sy - 13})" fill="#1a1a1a">`,
    `<path d="M0 0 L6 16 L0 12 L-6 16 Z"/><text x="12" y="14" font-size="12" font-weight="bold">N</text>`,
    `</g>`,
  );

  out.push(...legend.svg);
  out.push(`<text id="attribution" x="${MARGIN}" y="${height - 12}" font-size="10.5" fill="#404040">${escapeXml(input.attribution)}</text>`);
  out.push(`</svg>`);
  return out.join('\n');
}
