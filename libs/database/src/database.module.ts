import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Environment } from '@lotse/config';
import { EmbeddedDatabase } from './embedded-database';
import { driverPool } from './prepared-query';
import { QueryCounter } from './query-counter';
import { MIGRATIONS } from './migrations';

const EMBEDDED_DATABASE = Symbol('EMBEDDED_DATABASE');

interface EmbeddedHolder {
  instance?: EmbeddedDatabase;
}

/**
 * Named prepared statements (PreparedQuery) are tracked per `pg` client. PGlite serves every socket
 * connection from one session, so a new client would find the previous client's statements still
 * there and fail with "prepared statement … already exists": on the embedded database each new
 * connection starts by dropping them. Not on a server, where a new connection has none: there the
 * extra statement ran while the pool already handed the connection out, which `pg` warns about.
 * (Dropping a statement when its Parse fails instead does not work: PGlite's socket then closes.)
 */
@Injectable()
class PreparedStatementReset implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(EMBEDDED_DATABASE) private readonly embedded: EmbeddedHolder,
  ) {}

  onModuleInit(): void {
    if (!this.embedded.instance) return;
    driverPool(this.db).on('connect', (client) => {
      client.query('DEALLOCATE ALL').catch(() => undefined);
    });
  }
}

/**
 * Chooses the database: the PostgreSQL server named by DATABASE_URL, or the embedded PGlite under
 * LOTSE_DATA_DIR. Both run the same TypeORM migrations at start; `synchronize` stays off.
 */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseModule.name);

  constructor(@Inject(EMBEDDED_DATABASE) private readonly embedded: EmbeddedHolder) {}

  static forRoot(options: { inMemory?: boolean } = {}): DynamicModule {
    const holder: EmbeddedHolder = {};
    const counter = new QueryCounter();
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [Environment],
          useFactory: async (env: Environment) => {
            let url = env.DATABASE_URL;
            if (!url) {
              const started = Date.now();
              holder.instance = await EmbeddedDatabase.start(options.inMemory ? undefined : env.LOTSE_DATA_DIR);
              url = holder.instance.url;
              new Logger(DatabaseModule.name).log(`embedded PGlite+PostGIS ready in ${Date.now() - started} ms`);
            }
            return {
              type: 'postgres' as const,
              url,
              poolSize: holder.instance ? 1 : 10,
              // PGlite is one database session behind its socket: keep its one connection open
              // rather than reconnect to a session that still holds the last one's statements.
              ...(holder.instance ? { extra: { idleTimeoutMillis: 0 } } : {}),
              autoLoadEntities: true,
              synchronize: false,
              migrationsRun: true,
              migrationsTransactionMode: 'each' as const,
              migrations: MIGRATIONS,
              installExtensions: false,
              logging: ['query', 'error', 'warn', 'migration'] as const,
              logger: counter,
              retryAttempts: 3,
            };
          },
        }),
      ],
      providers: [
        PreparedStatementReset,
        { provide: EMBEDDED_DATABASE, useValue: holder },
        { provide: QueryCounter, useValue: counter },
      ],
      exports: [QueryCounter],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.embedded.instance) {
      // TypeORM closes its pool first (its module shuts down before this one).
      await this.embedded.instance.stop();
      this.logger.log('embedded database stopped');
    }
  }
}
