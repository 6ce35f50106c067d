import 'leaflet/dist/leaflet.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { t } from '../texts';
import { loadWebConfig } from '../webConfig';

export interface MapTarget {
  key: string;
  rank: number;
  name: string;
  latitude: number;
  longitude: number;
}

interface Props {
  /** the match's origin; a text search has none */
  origin?: { latitude: number; longitude: number };
  targets: MapTarget[];
  activeKey?: string;
  onSelect(key: string): void;
}

let boundaries: Promise<GeoJSON.GeoJsonObject | undefined> | undefined;
function loadBoundaries() {
  boundaries ??= fetch('/karte/kreise.geojson')
    .then((r) => (r.ok ? r.json() : undefined))
    .catch(() => undefined);
  return boundaries;
}

/**
 * The results on a Leaflet map. Offline by default: the base layer is Saxony's district boundaries
 * that Lotse bundles (built into /karte/kreise.geojson), no tiles from anywhere. With MAP_TILE_URL
 * set on the server, that tile server is drawn under the boundaries. Markers are numbered like the
 * list; the list stays the accessible way to the same facts (the map is a complement).
 */
export default function ResultsMap({ origin, targets, activeKey, onSelect, label = t.results.mapLabel }: Props & { label?: string }) {
  const element = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map>();
  const markers = useRef(new Map<string, L.Marker>());
  const layer = useRef<L.LayerGroup>();

  useEffect(() => {
    if (!element.current) return;
    const m = L.map(element.current, { zoomControl: true, attributionControl: true, keyboard: true });
    map.current = m;
    m.attributionControl.setPrefix(false);
    layer.current = L.layerGroup().addTo(m);
    void loadWebConfig().then((config) => {
      if (config.mapTileUrl && map.current === m) {
        L.tileLayer(config.mapTileUrl, { attribution: config.mapTileAttribution ?? '', maxZoom: 18 }).addTo(m).bringToBack();
      }
    });
    void loadBoundaries().then((geo) => {
      if (geo && map.current === m) {
        L.geoJSON(geo, { style: { color: '#5b6275', weight: 1, fillColor: '#eef1f8', fillOpacity: 0.6 }, interactive: false }).addTo(m).bringToBack();
      }
    });
    return () => {
      m.remove();
      map.current = undefined;
    };
  }, []);

  useEffect(() => {
    const m = map.current;
    const group = layer.current;
    if (!m || !group) return;
    group.clearLayers();
    markers.current.clear();
    const points: L.LatLngExpression[] = [];
    if (origin) {
      const o = L.marker([origin.latitude, origin.longitude], {
        icon: L.divIcon({ className: 'lotse-pin lotse-pin--origin', html: '<span>●</span>', iconSize: [28, 28] }),
        title: t.results.mapOrigin,
        alt: t.results.mapOrigin,
        keyboard: false,
      });
      o.addTo(group);
      points.push([origin.latitude, origin.longitude]);
    }
    for (const target of targets) {
      const marker = L.marker([target.latitude, target.longitude], {
        icon: L.divIcon({ className: 'lotse-pin', html: `<span>${target.rank}</span>`, iconSize: [28, 28] }),
        title: `${target.rank}. ${target.name}`,
        alt: `${target.rank}. ${target.name}`,
        keyboard: true,
      });
      marker.on('click', () => onSelect(target.key));
      marker.on('keypress', () => onSelect(target.key));
      marker.addTo(group);
      markers.current.set(target.key, marker);
      points.push([target.latitude, target.longitude]);
    }
    if (points.length) m.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 13 });
    else m.setView([51.05, 13.35], 8); // Saxony
  }, [origin?.latitude, origin?.longitude, targets, onSelect]);

  useEffect(() => {
    for (const [key, marker] of markers.current) {
      marker.getElement()?.classList.toggle('lotse-pin--active', key === activeKey);
    }
  }, [activeKey, targets]);

  return <div ref={element} className="lotse-map" role="region" aria-label={label} />;
}
