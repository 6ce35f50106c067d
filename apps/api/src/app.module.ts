import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { CatalogueModule } from '@lotse/catalogue';
import { formatGraphQLError, RequestContext } from '@lotse/common';
import { ConfigModule, Environment } from '@lotse/config';
import { DatabaseModule } from '@lotse/database';
import { DemoSeedModule } from '@lotse/demo-data';
import { GeoModule } from '@lotse/geo';
import { MatchingModule } from '@lotse/matching';
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
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          autoSchemaFile: true,
          sortSchema: true,
          path: '/graphql',
          playground: false,
          introspection: env.GRAPHQL_IDE,
          plugins: [requestLoggingPlugin(), ...(env.GRAPHQL_IDE ? [graphiqlLandingPagePlugin('/graphql')] : [])],
          context: (): RequestContext => ({}),
          formatError: formatGraphQLError,
          includeStacktraceInErrorResponses: false,
        }),
        GeoModule,
        CatalogueModule,
        DemoSeedModule,
        MatchingModule,
      ],
      controllers: [HealthController],
    };
  }
}
