import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { INestApplicationContext } from '@nestjs/common';
import { HsdsDatapackageExporter } from '@lotse/exchange';
import { ProgressBar } from './progress';

export const EXCHANGE_USAGE = `  export-hsds <out.zip>                the whole directory as an HSDS 3.0 tabular datapackage (datapackage.json + CSVs
                                       in a zip), with progress; only what the directory shows`;

type Command = (app: INestApplicationContext, args: string[]) => Promise<void>;

export const EXCHANGE_COMMANDS: Record<string, Command> = {
  async 'export-hsds'(app, args) {
    const out = args.find((a) => !a.startsWith('--'));
    if (!out) throw new Error('export-hsds needs the name of the zip file to write, e.g. npm run cli -- export-hsds lotse-hsds.zip');
    // written beside the target and renamed at the end: a failed export never leaves a broken zip under the name
    const partial = `${out}.partial`;
    const bars = { organizations: new ProgressBar('organizations'), services: new ProgressBar('services'), zip: new ProgressBar('zip') };
    const started = Date.now();
    try {
      const result = await app.get(HsdsDatapackageExporter).write(createWriteStream(partial), (p) => bars[p.phase].update(p.done, p.total));
      await rename(partial, out);
      const tables = Object.entries(result.rows).filter(([, n]) => n > 0).map(([table, n]) => `${table} ${n}`).join(', ');
      process.stdout.write(`Wrote ${out} (${(result.bytes / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s: ${tables}.\n`);
    } catch (e) {
      await rm(partial, { force: true });
      throw e;
    }
  },
};
