import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule, GraphQLSchemaHost } from '@nestjs/graphql';
import { APP_FILTER } from '@nestjs/core';
import { CatalogueModule } from '@lotse/catalogue';
import { DomainErrorHttpFilter, formatGraphQLError, RequestContext } from '@lotse/common';
import { ConfigModule, Environment } from '@lotse/config';
import { DatabaseModule } from '@lotse/database';
import { DemoSeedModule } from '@lotse/demo-data';
import { GeoModule, GeoService } from '@lotse/geo';
import { MatchingModule } from '@lotse/matching';
import { CoverageModule } from '@lotse/coverage';
import { AuthModule } from '@lotse/auth';
import { SearchModule } from '@lotse/search';
import { ExchangeModule } from '@lotse/exchange';
import { ReferralModule } from '@lotse/referral';
import { RegistrationResolver } from './registration.resolver';
import { complexityLimitPlugin, depthLimitRule } from './graphql-limits';
import { HealthController } from './health/health.controller';
import { graphiqlLandingPagePlugin } from './ide/graphiql';
import { requestLoggingPlugin } from './request-logging.plugin';

export interface AppModuleOptions {
  env: Environment;
  /** tests: an in-memory embedded database instead of LOTSE_DATA_DIR */
  inMemoryDatabase?: boolean;
}

@Module({})
export class AppModule {
  static forRoot({ env, inMemoryDatabase }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(env),
        DatabaseModule.forRoot({ inMemory: inMemoryDatabase }),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [GeoModule],
          inject: [GraphQLSchemaHost, GeoService],
          useFactory: (schemaHost: GraphQLSchemaHost, geo: GeoService) => ({
            autoSchemaFile: true,
            sortSchema: true,
            path: '/graphql',
            playground: false,
            introspection: env.GRAPHQL_IDE,
            validationRules: [depthLimitRule()],
            plugins: [
              // No cache hints are used; left on, it wraps every field's resolver to collect them.
              ApolloServerPluginCacheControlDisabled(),
              requestLoggingPlugin(),
              complexityLimitPlugin(() => schemaHost.schema, () => geo.queryCostScale(), env.QUERY_COST_LIMIT),
              ...(env.GRAPHQL_IDE ? [graphiqlLandingPagePlugin('/graphql')] : []),
            ],
            context: ({ req }: { req: RequestContext['req'] }): RequestContext => ({ req }),
            formatError: formatGraphQLError,
            includeStacktraceInErrorResponses: false,
          }),
        }),
        AuthModule,
        GeoModule,
        CatalogueModule,
        DemoSeedModule,
        MatchingModule,
        SearchModule.forRoot({ backgroundIndexer: true }),
        CoverageModule,
        ExchangeModule,
        ReferralModule,
      ],
      controllers: [HealthController],
      providers: [RegistrationResolver, { provide: APP_FILTER, useClass: DomainErrorHttpFilter }],
    };
  }
}
