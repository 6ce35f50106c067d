import { AbstractLogger, LogLevel, LogMessage, QueryRunner } from 'typeorm';
import { Logger } from '@nestjs/common';

/**
 * TypeORM logger that counts statements instead of printing them: SQL parameters can carry a match
 * request's needs or a participant's place, which must never reach a log. Errors are logged without
 * their parameters. The count lets tests prove the absence of N+1 query patterns.
 */
export class QueryCounter extends AbstractLogger {
  private count = 0;
  private readonly logger = new Logger('Database');

  get queries(): number {
    return this.count;
  }

  logQuery(): void {
    this.count++;
  }

  logQueryError(error: string | Error): void {
    this.count++;
    this.logger.error(`query failed: ${error instanceof Error ? error.message : error}`);
  }

  logQuerySlow(time: number): void {
    this.logger.warn(`slow query: ${time} ms`);
  }

  protected writeLog(level: LogLevel, message: LogMessage | LogMessage[], _queryRunner?: QueryRunner): void {
    const messages = Array.isArray(message) ? message : [message];
    for (const m of messages) {
      if (m.type === 'query' || m.type === 'query-error' || m.type === 'query-slow') continue;
      if (level === 'warn') this.logger.warn(String(m.message));
      else if (level === 'error') this.logger.error(String(m.message));
      else this.logger.log(String(m.message));
    }
  }
}
