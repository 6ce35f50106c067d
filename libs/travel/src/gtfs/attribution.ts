import { FeedAttribution } from '../travel-time.port';
import { germanDate } from '../wording/trip-wording';
import { StoredFeed } from './gtfs.repository';

/** The stored feed as attribution: "Fahrplan: VVO (Verkehrsverbund Oberelbe), gültig 05.01.2026–29.03.2026, Lizenz CC BY 4.0" */
export function feedAttribution(feed: StoredFeed): FeedAttribution {
  const publisher = feed.publisherName && feed.publisherName !== feed.name ? ` (${feed.publisherName})` : '';
  const licence = feed.licence ? `Lizenz ${feed.licence}` : 'Lizenz nicht angegeben';
  return {
    name: feed.name,
    publisherName: feed.publisherName,
    publisherUrl: feed.publisherUrl,
    licence: feed.licence,
    licenceUrl: feed.licenceUrl,
    feedVersion: feed.feedVersion,
    validFrom: feed.validFrom,
    validTo: feed.validTo,
    importedAt: feed.importedAt.toISOString(),
    text: `Fahrplan: ${feed.name}${publisher}, gültig ${germanDate(feed.validFrom)}–${germanDate(feed.validTo)}, ${licence}`,
  };
}
