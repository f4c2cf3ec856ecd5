// Type-aware lint: the rules here catch real bugs (floating promises, misused
// promises, non-exhaustive switches), not style; Prettier owns formatting.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.kafka-local/**', 'coverage/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/libs/**', '**/apps/**'], message: 'Import other packages through @app/<lib>; libs never import apps.' }] },
      ],
    },
  },
  {
    // Production code never imports the test support lib: an import would compile it into dist/
    // whatever tsconfig.build.json excludes.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['**/*spec.ts', '**/*.fixtures.ts', 'libs/testing/**', '**/testing/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@app/testing', message: 'Test support is for specs only (it is left out of the build).' },
            { name: '@app/matching/testing', message: 'In-memory linking is for specs and evaluations only.' },
          ],
          patterns: [{ group: ['**/libs/**', '**/apps/**'], message: 'Import other packages through @app/<lib>; libs never import apps.' }],
        },
      ],
    },
  },
  {
    // Benchmarks and cross-service tests are composition roots: they boot apps next to each other.
    files: ['scripts/**/*.ts', 'test/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
