import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { createValidationPipe, JsonLogger } from '@lotse/common';
import { Environment } from '@lotse/config';
import { DemoSeedService } from '@lotse/demo-data';
import { GeoService } from '@lotse/geo';
import helmet from 'helmet';
import { AuthService } from '@lotse/auth';
import { CatalogueService } from '@lotse/catalogue';
import { TimetableProvider } from '@lotse/travel';
import { AppModule } from './app.module';
import { useBodyParsers } from './http-body';
import { seedDemoAccounts } from './demo-accounts';
import { mountGraphiqlAssets } from './ide/graphiql';
import { mountWebApp, tileSource } from './web/web-app';

export interface CreateAppOptions {
  env: Environment;
  inMemoryDatabase?: boolean;
  /** replaces the JSON logger (tests capture log lines through it) */
  logger?: JsonLogger | false;
  /** the built web app (default dist/web under the working directory) */
  webAppDir?: string;
}

/** Builds the API (shared by main.ts and the e2e tests): migrated, boundaries loaded, demo data seeded if asked. */
export async function createApp({ env, inMemoryDatabase, logger, webAppDir }: CreateAppOptions): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot({ env, inMemoryDatabase }), {
    logger: logger === undefined ? new JsonLogger(env.LOG_LEVEL) : logger,
    bufferLogs: false,
    // our own parsers, followed by the handler that answers unreadable bodies as GraphQL errors
    bodyParser: false,
  });
  useBodyParsers(app);
  app.useGlobalPipes(createValidationPipe());
  // GraphiQL is served from our own origin without inline scripts; its stylesheet needs inline styles.
  // The web app's map may draw tiles from one configured server (MAP_TILE_URL), nothing else.
  const imgSrc = ["'self'", 'data:', ...(env.MAP_TILE_URL ? [tileSource(env.MAP_TILE_URL)] : [])];
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc, connectSrc: ["'self'"] },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );
  const origins = env.CORS_ORIGINS?.split(',').map((o) => o.trim()).filter(Boolean) ?? [];
  app.enableCors({ origin: origins.length ? origins : false, credentials: false, allowedHeaders: ['authorization', 'content-type'], maxAge: 600 });
  app.enableShutdownHooks();
  if (env.GRAPHQL_IDE) mountGraphiqlAssets(app);
  mountWebApp(app, webAppDir, { mapTileUrl: env.MAP_TILE_URL, mapTileAttribution: env.MAP_TILE_ATTRIBUTION, importMaxBytes: env.IMPORT_MAX_BYTES });
  await app.get(GeoService).ensureBoundaries();
  await app.get(GeoService).prepareAreaIndex();
  await app.get(GeoService).preparePlaceIndex();
  // the imported timetable in memory before the first request (one query when there is none)
  await app.get(TimetableProvider).current();
  if (env.SEED_DEMO_DATA) {
    const result = await app.get(DemoSeedService).seed();
    if (!result.skipped) new Logger('Bootstrap').log(`demo data: ${result.organizations} fictitious organizations, ${result.services} services`);
    if (env.NODE_ENV !== 'production') await seedDemoAccounts(app.get(AuthService), app.get(CatalogueService));
  }
  return app;
}
