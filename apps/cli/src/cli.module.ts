import { DynamicModule, Module } from '@nestjs/common';
import { CatalogueModule } from '@lotse/catalogue';
import { ConfigModule, Environment } from '@lotse/config';
import { DatabaseModule } from '@lotse/database';
import { DemoSeedModule } from '@lotse/demo-data';
import { GeoModule } from '@lotse/geo';
import { CoverageModule } from '@lotse/coverage';
import { SearchModule } from '@lotse/search';
import { AuthModule } from '@lotse/auth';
import { ReferralModule } from '@lotse/referral';
import { ExchangeModule } from '@lotse/exchange';

/** The API's capabilities without HTTP/GraphQL, for one-shot commands. */
@Module({})
export class CliModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: CliModule,
      imports: [ConfigModule.forRoot(env), DatabaseModule.forRoot(), GeoModule, CatalogueModule, DemoSeedModule, AuthModule, CoverageModule, SearchModule.forRoot({ backgroundIndexer: false }), ExchangeModule, ReferralModule],
    };
  }
}
