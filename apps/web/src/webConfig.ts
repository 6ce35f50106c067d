/**
 * Settings the server hands the web app at run time (one build for every deployment):
 * GET /web-config.json, written by the API from its environment (MAP_TILE_URL,
 * MAP_TILE_ATTRIBUTION, IMPORT_MAX_BYTES). Missing or unreadable → the offline defaults.
 */
export interface WebConfig {
  mapTileUrl?: string;
  mapTileAttribution?: string;
  /** the largest file the import upload takes */
  importMaxBytes?: number;
}

let loaded: Promise<WebConfig> | undefined;

export function loadWebConfig(): Promise<WebConfig> {
  loaded ??= fetch('/web-config.json')
    .then((r) => (r.ok ? (r.json() as Promise<WebConfig>) : {}))
    .catch(() => ({}));
  return loaded;
}
