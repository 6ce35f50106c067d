import { Injectable } from '@nestjs/common';
import { GeoService } from '@lotse/geo';

export interface AreaName {
  ags: string;
  name: string;
  /** "Landkreis", "Kreisfreie Stadt", "Stadt", "Gemeinde" … as the boundaries name it */
  kind: string;
}

export type AreaNames = (ags: string) => AreaName | undefined;

/**
 * Names of Saxony's districts and municipalities by AGS, for service areas in the exports. The
 * boundaries change only when reloaded, so they are read once per process (≈440 rows).
 */
@Injectable()
export class AreaNamesProvider {
  private names?: Promise<Map<string, AreaName>>;

  constructor(private readonly geo: GeoService) {}

  lookup(): Promise<AreaNames> {
    this.names ??= (async () => {
      const [districts, municipalities] = await Promise.all([this.geo.districts(), this.geo.municipalities({}, { limit: 10_000 })]);
      return new Map<string, AreaName>([...districts, ...municipalities].map((a) => [a.ags, { ags: a.ags, name: a.name, kind: a.kind }]));
    })().catch((e) => {
      this.names = undefined;
      throw e;
    });
    return this.names.then((map) => (ags: string) => map.get(ags));
  }
}
