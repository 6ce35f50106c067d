// The validator ships no types; tests use only this.
declare module '@asymmetrik/fhir-json-schema-validator' {
  export default class JSONSchemaValidator {
    constructor(schema?: object, ajvSettings?: object);
    validate(resource: unknown, verbose?: boolean): unknown[];
  }
}
