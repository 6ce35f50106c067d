// ESLint (flat config) with typescript-eslint. The boundary rules below and scripts/check-boundaries.ts
// keep the capabilities apart: a lib is used only through its public index (`@lotse/<lib>`, or
// `@lotse/<lib>/testing` from tests and benches), and the libs form no cycle.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const LIB_INTERNALS = {
  group: ['@lotse/*/*', '!@lotse/*/testing'],
  message: 'Import a lib through its public index (@lotse/<lib>); tests and benches may also use @lotse/<lib>/testing.',
};
const LIB_FILES = {
  group: ['**/libs/*/src', '**/libs/*/src/**', '**/libs/*/data/**'],
  message: 'Reach another lib through @lotse/<lib>, never its files.',
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'apps/web/dist/**', 'apps/web/src/graphql/generated/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [LIB_INTERNALS, LIB_FILES] }],
      // Nest and TypeORM inject by constructor; decorators need the class imported as a value.
      '@typescript-eslint/consistent-type-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // GraphQL parents, raw SQL rows and JSON from outside are `any` at the edges by nature.
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // Inside a lib, its own files are relative imports; another lib's testing entry is off limits.
    files: ['libs/**/*.ts'],
    ignores: ['libs/**/*.spec.ts', 'libs/*/src/testing/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { ...LIB_INTERNALS, group: ['@lotse/*/*'] },
          LIB_FILES,
          // a relative path that leaves the lib's own src/ names another lib's (or an app's) files
          { group: ['**/src/**', '**/apps/**', '**/test/**', '**/bench/**'], message: 'A lib imports only its own files relatively; other libs through @lotse/<lib>.' },
        ],
      }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
