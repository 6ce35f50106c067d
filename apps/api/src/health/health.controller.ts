import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '@lotse/common';
import { Environment } from '@lotse/config';
import { SearchHealthReport, SearchHealthService } from '@lotse/search';

/** For the orchestrator: 200 when the database answers, 503 otherwise. */
@Public()
@Controller('health')
export class HealthController {
  private readonly startedAt = Date.now();

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly env: Environment,
    private readonly search: SearchHealthService,
  ) {}

  @Get()
  @HttpCode(200)
  async health(@Res({ passthrough: true }) res: Response) {
    const started = Date.now();
    let database: 'up' | 'down' = 'down';
    try {
      await this.db.query('SELECT 1');
      database = 'up';
    } catch {
      res.status(503);
    }
    return {
      status: database === 'up' ? 'ok' : 'error',
      database: { status: database, kind: this.env.usesEmbeddedDatabase ? 'embedded' : 'server', latencyMs: Date.now() - started },
      // A search engine that is down degrades search only (writes queue in the outbox): reported, never 503.
      search: database === 'up' ? await this.search.report().catch((): Partial<SearchHealthReport> => ({ status: 'down' })) : undefined,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
    };
  }
}
