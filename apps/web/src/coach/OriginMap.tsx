import { lazy, Suspense, useId, useState } from 'react';
import { Loading } from '../components/Alert';
import type { Point } from '../components/PointPicker';
import { formatNumber, t } from '../texts';
import type { OriginPoint } from './OriginField';

// Leaflet loads only when the coach opens the map: not on the first page.
const PointPicker = lazy(() => import('../components/PointPicker'));

/** ~100 m: enough for travel times, and the participant's exact doorstep never leaves the screen */
const round = (n: number) => Math.round(n * 1000) / 1000;

/** A clicked point as the origin: rounded to three decimals, with the words the origin field shows. */
export function toOriginPoint(p: Point): OriginPoint {
  const latitude = round(p.latitude);
  const longitude = round(p.longitude);
  return { latitude, longitude, label: t.originMap.text(formatNumber(latitude, 3), formatNumber(longitude, 3)) };
}

/**
 * The origin by a click on the map, beside the postcode/place field (which stays the keyboard way).
 * The point goes into the find form like a typed place: memory of this tab only, sent with the
 * match request and nowhere else.
 */
export function OriginMap({ point, onPick }: { point?: OriginPoint; onPick(p: OriginPoint): void }) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  return (
    <div className="lotse-originmap kern-stack">
      <p>
        <button type="button" className="kern-btn kern-btn--secondary" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
          <span className="kern-label">{t.originMap.open}</span>
        </button>
      </p>
      <div id={id} hidden={!open}>
        {open && (
          <Suspense fallback={<Loading label={t.originMap.loading} />}>
            <PointPicker
              value={point}
              label={t.originMap.label}
              caption={t.originMap.caption}
              onChange={(p) => {
                const chosen = toOriginPoint(p);
                setAnnouncement(t.originMap.chosen(chosen.label));
                onPick(chosen);
              }}
            />
          </Suspense>
        )}
      </div>
      <p className="kern-sr-only" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}
