// Lint keeps the layers of ../shared/STYLE.md: a file's folder says where it may run.
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import vueParser from 'vue-eslint-parser'
import { architecture } from './eslint.architecture.mjs'

const nodeBuiltins = { group: ['node:*'], message: 'src/shared and the renderer run without Node.' }
const electronOnlyInGlue = {
  name: 'electron',
  message: 'Only src/main/electron and src/preload import electron (type imports are fine).',
  allowTypeImports: true,
}
const contractCallsMessage =
  "Pricing takes the domain's words from src/shared/domain, never the contract's calls (nor the contract's index, which re-exports them)."
// The contract's index builds every zod schema when imported, so the till's first chunk would carry
// zod. The renderer takes only types from it (free) and its values from zod-free modules.
const contractTypesOnly = {
  name: '@shared/contract',
  message: 'The renderer imports only types from @shared/contract; take values from zod-free modules (@shared/domain, @shared/money).',
  allowTypeImports: true,
}
const addressSchemaOutOfRenderer = {
  name: '@shared/checkout/address-rules',
  message: 'It holds the zod address schema; the renderer checks addresses with @shared/checkout/postcode-rules.',
  allowTypeImports: true,
}
const sqliteOnlyInRepositories = {
  name: 'better-sqlite3',
  message: 'Pure domain code (pricing, issuer decisions) imports no database.',
  allowTypeImports: true,
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', '.bench/**', '.data*/**', 'node_modules/**', 'resources/**', '**/*.d.ts', 'test-results/**', '.stryker-tmp/**', 'reports/**'] },
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parser: vueParser, parserOptions: { parser: tseslint.parser, sourceType: 'module' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/first-attribute-linebreak': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3', 'vue', 'pinia'],
          patterns: [nodeBuiltins, { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared imports only src/shared.' }],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.vue'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3', contractTypesOnly, addressSchemaOutOfRenderer],
          patterns: [nodeBuiltins, { group: ['**/main/**', '**/preload/**'], message: 'The renderer reaches main only through the bridge.' }],
        },
      ],
    },
  },
  {
    // The renderer's road is view -> store -> bridge: screens call store actions, never main.
    files: ['src/renderer/src/components/**/*.{ts,vue}', 'src/renderer/src/views/**/*.{ts,vue}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3', contractTypesOnly, addressSchemaOutOfRenderer],
          patterns: [
            nodeBuiltins,
            { group: ['**/main/**', '**/preload/**'], message: 'The renderer reaches main only through the bridge.' },
            { group: ['@renderer/bridge', '@renderer/bridge/**', '**/bridge', '**/bridge/**'], message: 'Views and components reach main through a store (stores/*.ts), never the bridge.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/main/**/*.ts', 'src/issuer/**/*.ts', 'src/platform/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [electronOnlyInGlue], patterns: [{ group: ['**/renderer/**', '**/preload/**'], message: 'main does not import the renderer.' }] },
      ],
    },
  },
  {
    files: ['src/main/pricing/**/*.ts', 'src/issuer/*-rules.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [electronOnlyInGlue, sqliteOnlyInRepositories], patterns: [nodeBuiltins] },
      ],
    },
  },
  {
    // Pricing speaks the domain's words (src/shared/domain), not the calls that carry them.
    files: ['src/main/pricing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electronOnlyInGlue, sqliteOnlyInRepositories, { name: '@shared/contract', message: contractCallsMessage }],
          patterns: [nodeBuiltins, { group: ['**/contract/calls', '**/contract/calls/**'], message: contractCallsMessage }],
        },
      ],
    },
  },
  {
    // The domain's words sit below the contract: they import only money and one another.
    files: ['src/shared/domain/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!(@shared/(money|domain)(/.*)?|\\.\\./(money|domain)(/.*)?|\\./[^/]+)$)',
              message: 'src/shared/domain imports only src/shared/money and itself.',
            },
          ],
        },
      ],
    },
  },
  ...architecture,
  {
    files: ['test/**/*.ts', 'scripts/**/*.{ts,mjs}', 'src/main/**/*-entry.ts', 'src/issuer/*-entry.ts'],
    rules: { 'no-console': 'off' },
  },
)
