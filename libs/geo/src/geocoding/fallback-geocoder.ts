import { Logger } from '@nestjs/common';
import { AddressQuery, GeocodeResult, Geocoder, GeocoderUnavailableError } from './geocoder';

/**
 * Asks the primary geocoder, and the fallback when the primary finds nothing or cannot be reached:
 * a street the remote server does not know still gets its postcode's point, and an import does not
 * stop because the remote server is down. The address itself is never logged.
 */
export class FallbackGeocoder implements Geocoder {
  readonly name: string;
  private readonly logger = new Logger(FallbackGeocoder.name);
  private warned = false;

  constructor(
    private readonly primary: Geocoder,
    private readonly fallback: Geocoder,
  ) {
    this.name = `${primary.name}+${fallback.name}`;
  }

  async geocode(address: AddressQuery): Promise<GeocodeResult | null> {
    try {
      const found = await this.primary.geocode(address);
      if (found) return found;
    } catch (e) {
      if (!(e instanceof GeocoderUnavailableError)) throw e;
      if (!this.warned) {
        this.warned = true;
        this.logger.warn(`${this.primary.name} unavailable, answering with ${this.fallback.name}: ${e.message}`);
      }
    }
    return this.fallback.geocode(address);
  }
}
