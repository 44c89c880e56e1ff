// ESLint flat config. `npm run lint` runs with --max-warnings 0, so every rule here is binding.
// Type-aware rules are left out to keep linting fast; `npm run typecheck` covers types.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  // Build output, local server data and dependencies are never linted.
  globalIgnores(['dist/', 'dev-dist/', 'node_modules/', 'data/', 'coverage/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2022,
      // The app runs in browsers, the server and tools in Node; tests touch both.
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      // Match tsc's noUnused* convention: a leading underscore marks "unused on purpose", and
      // `{ omitted: _x, ...rest }` is the idiomatic way to drop a property.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // Components live in .tsx, but custom hooks (useSomething.ts) also sit in the app's .ts files.
    files: ['**/*.tsx', 'src/app/**/*.ts'],
    ...reactHooks.configs.flat.recommended,
    rules: {
      ...reactHooks.configs.flat.recommended.rules,
      // Dexie's useLiveQuery takes a deps list like useEffect; check it the same way.
      'react-hooks/exhaustive-deps': ['warn', { additionalHooks: '^useLiveQuery$' }],
    },
  },
]);
