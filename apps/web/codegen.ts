/**
 * Typed GraphQL operations for the web app: `npm run web:codegen` reads the schema emitted from the
 * code-first API (apps/web/schema.graphql, `npm run web:schema`) and the operations in
 * src/**\/*.graphql, and writes src/graphql/generated/. Both the schema and the generated files are
 * committed, so building the web app needs no running API; the browser suite checks that every
 * operation still validates against the live schema.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'apps/web/schema.graphql',
  documents: ['apps/web/src/**/*.graphql'],
  generates: {
    'apps/web/src/graphql/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
      config: {
        // Documents as plain strings: no GraphQL parser in the browser bundle.
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', JSON: 'unknown' },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
      },
    },
  },
  ignoreNoDocuments: true,
};

export default config;
