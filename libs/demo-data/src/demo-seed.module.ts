import { Module } from '@nestjs/common';
import { CatalogueModule } from '@lotse/catalogue';
import { GeoModule } from '@lotse/geo';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [CatalogueModule, GeoModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class DemoSeedModule {}
