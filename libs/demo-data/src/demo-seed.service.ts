import { Injectable, Logger } from '@nestjs/common';
import { CatalogueService } from '@lotse/catalogue';
import { GeoService } from '@lotse/geo';
import { generateDemoCatalogue } from './generator';

export interface SeedResult {
  organizations: number;
  services: number;
  skipped: boolean;
}

/** Puts reference data (boundaries, places, postcodes) and the fictitious demo partners into an empty database. */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger(DemoSeedService.name);

  constructor(
    private readonly catalogue: CatalogueService,
    private readonly geo: GeoService,
  ) {}

  /**
   * `reset` removes every fictitious organization first (real ones are never touched); without it,
   * a catalogue that already has services is left alone so restarts keep partners' edits.
   */
  async seed(options: { reset?: boolean; now?: Date } = {}): Promise<SeedResult> {
    await this.geo.ensureBoundaries();
    if (options.reset) {
      const removed = await this.catalogue.deleteFictitiousOrganizations();
      this.logger.log(`removed ${removed} fictitious organizations`);
    } else if ((await this.catalogue.countAllServices()) > 0) {
      return { organizations: 0, services: 0, skipped: true };
    }
    const organizations = generateDemoCatalogue({ now: options.now ?? new Date() });
    await this.catalogue.importOrganizations(organizations);
    const services = organizations.reduce((n, o) => n + o.services.length, 0);
    this.logger.log(`seeded ${organizations.length} fictitious organizations with ${services} services`);
    return { organizations: organizations.length, services, skipped: false };
  }
}
