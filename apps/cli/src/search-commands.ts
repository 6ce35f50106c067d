import { INestApplicationContext } from '@nestjs/common';
import { Environment } from '@lotse/config';
import { SearchReindexer } from '@lotse/search';
import { ProgressBar } from './progress';

export const SEARCH_USAGE = `  reindex [--reset]                    rebuild the search index from the database, with progress (--reset empties it first;
                                       without, the index keeps answering during the rebuild — safe while the API runs
                                       on a PostgreSQL server)`;

type Command = (app: INestApplicationContext, args: string[]) => Promise<void>;

export const SEARCH_COMMANDS: Record<string, Command> = {
  async reindex(app, args) {
    const env = app.get(Environment);
    const bar = new ProgressBar(`reindex (${env.SEARCH_ENGINE})`);
    const report = await app.get(SearchReindexer).reindex({ reset: args.includes('--reset'), onProgress: (done, total) => bar.update(done, total) });
    process.stdout.write(
      `Reindexed ${report.listings} listings${report.stale ? `, removed ${report.stale} stale index entries` : ''} in ${(report.durationMs / 1000).toFixed(1)} s.\n`,
    );
  },
};
