import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { t } from '../texts';

export interface Point {
  latitude: number;
  longitude: number;
}

let boundaries: Promise<GeoJSON.GeoJsonObject | undefined> | undefined;
function loadBoundaries() {
  // the bundled district boundaries the coach's map draws too: an offline base layer
  boundaries ??= fetch('/karte/kreise.geojson')
    .then((r) => (r.ok ? r.json() : undefined))
    .catch(() => undefined);
  return boundaries;
}

let tiles: Promise<{ mapTileUrl?: string; mapTileAttribution?: string }> | undefined;
function loadTiles() {
  tiles ??= fetch('/web-config.json')
    .then((r) => (r.ok ? r.json() : {}))
    .catch(() => ({}));
  return tiles;
}

const SAXONY: L.LatLngExpression = [51.05, 13.35];

/**
 * A pin on a Leaflet map for a location's point: a click on the map sets it, and the pin can be
 * dragged. Offline by
 * default (the bundled district boundaries, no tiles); a tile server when the API configures one.
 * The latitude/longitude fields beside it are the keyboard way to the same value; the map itself
 * is a labelled region with German zoom buttons.
 * Loaded lazily (React.lazy), so Leaflet is not part of the first page's JavaScript.
 */
export default function PointPicker({
  value,
  onChange,
  label = t.location.mapLabel,
  caption = t.location.mapCaption,
}: {
  value?: Point;
  onChange(p: Point): void;
  /** the map region's name and the sentence under it (a location's pin by default) */
  label?: string;
  caption?: string;
}) {
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map>();
  const marker = useRef<L.Marker>();
  const change = useRef(onChange);
  change.current = onChange;

  useEffect(() => {
    if (!element.current) return;
    const m = L.map(element.current, { center: value ? [value.latitude, value.longitude] : SAXONY, zoom: value ? 14 : 8, keyboard: false, zoomControl: false, attributionControl: false });
    L.control.zoom({ zoomInTitle: t.location.zoomIn, zoomOutTitle: t.location.zoomOut }).addTo(m);
    map.current = m;
    m.on('click', (e: L.LeafletMouseEvent) => change.current({ latitude: round(e.latlng.lat), longitude: round(e.latlng.lng) }));
    void loadTiles().then((c) => {
      if (!c.mapTileUrl || map.current !== m) return;
      L.control.attribution({ prefix: false }).addTo(m);
      L.tileLayer(c.mapTileUrl, { attribution: c.mapTileAttribution ?? '' }).addTo(m);
    });
    void loadBoundaries().then((g) => {
      if (g && map.current === m) L.geoJSON(g, { style: { color: '#4a4f6a', weight: 1, fill: false }, interactive: false }).addTo(m);
    });
    return () => {
      m.remove();
      map.current = undefined;
      marker.current = undefined;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    if (!value) {
      marker.current?.remove();
      marker.current = undefined;
      return;
    }
    const at: L.LatLngExpression = [value.latitude, value.longitude];
    if (!marker.current) {
      // a pin drawn by CSS (a div icon): no image files, so nothing to load under the CSP; it can be
      // dragged, and a click on the map moves it too (the coordinate fields are the keyboard way)
      const pin = L.marker(at, {
        icon: L.divIcon({ className: 'lotse-pin', iconSize: [22, 22], iconAnchor: [11, 11] }),
        draggable: true,
        keyboard: false,
        title: t.location.pin,
        autoPan: true,
      });
      pin.on('dragend', () => {
        const p = pin.getLatLng();
        change.current({ latitude: round(p.lat), longitude: round(p.lng) });
      });
      pin.addTo(m);
      marker.current = pin;
    } else marker.current.setLatLng(at);
    if (!m.getBounds().contains(at)) m.setView(at, Math.max(m.getZoom(), 13));
  }, [value?.latitude, value?.longitude]);

  return (
    <figure className="lotse-pointpicker">
      <div ref={element} className="lotse-pointpicker__map" role="region" aria-label={label} />
      <figcaption className="kern-body kern-body--small">{caption}</figcaption>
    </figure>
  );
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
