import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * The official HSDS 3.0 schemas in ../shared/standards/hsds-3.0 (see its SOURCE.md), for validating
 * Lotse's exports against the standard, not against ourselves. Tests skip cleanly when absent.
 */
export const HSDS_DIR = join(__dirname, '..', '..', '..', 'shared', 'standards', 'hsds-3.0');
export const hsdsPresent = existsSync(join(HSDS_DIR, 'schema', 'openapi.json'));

const COMPILED_BASE = 'https://raw.githubusercontent.com/openreferral/specification/3.0/schema/';
/** Lotse's additions to HSDS 3.0 objects: HSDS 3.1 capacities, and the distance of a proximity search. */
const EXTENSIONS: Record<string, Record<string, object>> = {
  service: { capacities: { type: 'array', items: { $ref: `${COMPILED_BASE}service_capacity.json` } } },
  service_at_location: { distance: { type: 'number', minimum: 0 } },
};

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

/**
 * Every object forbids properties it does not define (as upstream validates its examples,
 * validate_examples_json_schema.sh), so a misspelt field fails; `extra` adds the named extensions.
 */
function closed(schema: any, name?: string): any {
  if (Array.isArray(schema)) return schema.map((s) => closed(s));
  if (!schema || typeof schema !== 'object') return schema;
  const out: any = {};
  for (const [key, value] of Object.entries(schema)) out[key] = key === 'properties' ? Object.fromEntries(Object.entries(value as object).map(([k, v]) => [k, closed(v, k)])) : closed(value);
  if (out.properties && out.type === 'object') {
    const extension = EXTENSIONS[String(out.name ?? name ?? '')] ?? {};
    out.properties = { ...out.properties, ...extension };
    out.additionalProperties = false;
  }
  return out;
}

let ajv: Ajv2020 | undefined;

export function hsdsAjv(): Ajv2020 {
  if (ajv) return ajv;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('datetime', true); // HSDS's non-standard name (SOURCE.md)
  const schemaDir = join(HSDS_DIR, 'schema');
  const objectFiles = [
    ...readdirSync(schemaDir).filter((f) => f.endsWith('.json') && f !== 'openapi.json').map((f) => join(schemaDir, f)),
    ...readdirSync(join(HSDS_DIR, 'schema-3.1-dev-capacity')).map((f) => join(HSDS_DIR, 'schema-3.1-dev-capacity', f)),
  ];
  // under their file name and their upstream URL, where the OpenAPI document and the compiled schemas look for them
  const compiledFiles = new Set(readdirSync(join(schemaDir, 'compiled')));
  for (const path of objectFiles) {
    const file = path.split('/').pop()!;
    ajv.addSchema(closed(readJson(path)), file);
    ajv.addSchema(closed(readJson(path)), `${COMPILED_BASE}${file}`);
    // compiled/tabular.json refers to the object schemas by file name, i.e. beside itself
    if (!compiledFiles.has(file)) ajv.addSchema(closed(readJson(path)), `compiled/${file}`);
  }
  for (const file of readdirSync(join(schemaDir, 'compiled'))) {
    // the OpenAPI document refers to the compiled schemas by their upstream URL
    const schema = closed(readJson(join(schemaDir, 'compiled', file)));
    ajv.addSchema(schema, `compiled/${file}`);
    ajv.addSchema(schema, `${COMPILED_BASE}compiled/${file}`);
  }
  const openapi = readJson(join(schemaDir, 'openapi.json'));
  ajv.addSchema({ $id: 'openapi.json', components: { schemas: { Page: closedPage(openapi.components.schemas.Page) } }, paths: openapi.paths }, 'openapi.json');
  return ajv;
}

/** The envelope admits `contents` besides the Page fields (the path schemas add it). */
function closedPage(page: any) {
  return page;
}

const validators = new Map<string, ValidateFunction>();

function validator(ref: string): ValidateFunction {
  let v = validators.get(ref);
  if (!v) {
    v = hsdsAjv().compile({ $ref: ref });
    validators.set(ref, v);
  }
  return v;
}

/** Problems of `body` as the 200 response of GET `path` of the official OpenAPI (e.g. '/services'); [] when valid. */
export function hsdsResponseProblems(path: string, body: unknown): string[] {
  const pointer = `openapi.json#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/get/responses/200/content/application~1json/schema`;
  return problems(validator(pointer), body);
}

/** Problems of a paginated envelope whose contents are `item` objects (e.g. 'compiled/service.json' for `full=true`). */
export function hsdsPageProblems(item: string, body: unknown): string[] {
  const key = `page of ${item}`;
  if (!validators.has(key)) {
    validators.set(key, hsdsAjv().compile({ allOf: [{ $ref: 'openapi.json#/components/schemas/Page' }], properties: { contents: { type: 'array', items: { $ref: item } } }, required: ['contents'] }));
  }
  return problems(validators.get(key)!, body);
}

/** Problems of `body` against one schema file, e.g. 'compiled/service.json', 'service_capacity.json'. */
export function hsdsSchemaProblems(schema: string, body: unknown): string[] {
  return problems(validator(schema), body);
}

function problems(validate: ValidateFunction, body: unknown): string[] {
  if (validate(body)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? `: ${e.params.additionalProperty}` : ''}`);
}

/** `describe` that skips, saying why, when the HSDS schemas are missing. */
export const describeWithHsds: jest.Describe = hsdsPresent
  ? describe
  : (((name: string, fn: () => void) => {
      console.warn(`skipping "${name}": ../shared/standards/hsds-3.0 is not present`);
      return describe.skip(name, fn);
    }) as unknown as jest.Describe);

/** A datapackage zip read back: the descriptor and each resource's rows, typed by its field types, empty cells left out. */
export function readDatapackage(zip: Uint8Array): { descriptor: any; tables: Record<string, Record<string, unknown>[]>; files: Record<string, string> } {
  const { unzipSync, strFromU8 } = require('fflate');
  const { parseCsv } = require('@lotse/geo');
  const entries: Record<string, Uint8Array> = unzipSync(zip);
  const files = Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, strFromU8(bytes)]));
  const descriptor = JSON.parse(files['datapackage.json']);
  const tables: Record<string, Record<string, unknown>[]> = {};
  for (const resource of descriptor.resources) {
    const [header, ...rows] = parseCsv(files[resource.path], ',') as string[][];
    const types = new Map<string, string>(resource.schema.fields.map((f: any) => [f.name, f.type]));
    tables[resource.name] = rows.map((cells) => {
      const row: Record<string, unknown> = {};
      header.forEach((name, i) => {
        if (cells[i] === '' || cells[i] === undefined) return;
        row[name] = types.get(name) === 'number' || types.get(name) === 'integer' ? Number(cells[i]) : cells[i];
      });
      return row;
    });
  }
  return { descriptor, tables, files };
}

/**
 * Problems of the package's HSDS 3.0 tables against the official tabular schema (compiled/tabular.json),
 * and of its HSDS 3.1 capacity rows against service_capacity.json (with their unit nested, as the
 * object form has it).
 */
export function datapackageProblems(tables: Record<string, Record<string, unknown>[]>): string[] {
  const { service_capacity: capacities = [], unit: units = [], ...standard } = tables;
  const out = problems(validator('compiled/tabular.json'), standard);
  const unitById = new Map(units.map((u) => [u.id, u]));
  for (const row of capacities) out.push(...problems(validator('service_capacity.json'), { ...row, unit: unitById.get(row.unit_id) }).map((p) => `service_capacity ${row.id}: ${p}`));
  return out;
}
