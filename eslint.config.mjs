// Lint, including the process boundaries of DESIGN.md: domain imports no other layer, db
// imports only domain, the renderer never reaches main or Node, main never reaches the renderer.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const NODE_BUILTINS = [
  'node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util',
  'stream', 'worker_threads', 'electron', 'electron/*',
]

// Flat config does not merge one rule across blocks (the last match wins), so each narrower
// layer repeats the renderer-wide bans.
const RENDERER_FORBIDDEN = [...NODE_BUILTINS, '**/main/**']

/** What a query reaches through the database object: its tables and its transactions. */
const DB_MEMBERS = '/^(articles|actors|issues|claims|mentions|settings|table|tables|transaction|workspaceTables)$/'

const layer = (from, forbidden, message) => ({
  files: [from],
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
  },
})

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/require-await': 'off',
      eqeqeq: ['error', 'smart'],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
    rules: { ...tseslint.configs.disableTypeChecked.rules, 'no-console': 'off' },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  layer(
    'renderer/src/**',
    RENDERER_FORBIDDEN,
    'The renderer never imports main or Node built-ins; talk to main through window.standpoint.',
  ),
  layer(
    'renderer/src/domain/**',
    ['**/db/**', '**/db', '**/features/**', '**/app/**', '**/platform/**', 'dexie', 'dexie-*', 'react', 'react-*', '@tanstack/*', ...RENDERER_FORBIDDEN, '**/preload/**'],
    'domain is pure: it imports no other layer, no storage, no UI and no Node.',
  ),
  {
    files: ['renderer/src/domain/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'domain runs in workers and Node too: no DOM.' },
        { name: 'document', message: 'domain runs in workers and Node too: no DOM.' },
        { name: 'localStorage', message: 'domain does not store anything.' },
        { name: 'indexedDB', message: 'storage belongs in db/.' },
      ],
    },
  },
  layer(
    'renderer/src/db/**',
    ['**/features/**', '**/app/**', '**/platform/**', 'react', 'react-*', ...RENDERER_FORBIDDEN, '**/preload/**'],
    'db imports only domain (and Dexie).',
  ),
  // Every IndexedDB query lives in db/: features and the shell call its functions (live ones
  // inside useLiveQuery) and never reach a Dexie table, a transaction or Dexie itself.
  layer(
    'renderer/src/{features,app}/**',
    ['dexie', 'dexie/*', ...RENDERER_FORBIDDEN],
    'Dexie belongs in db/: call a db/ query or repository function instead.',
  ),
  {
    files: ['renderer/src/{features,app}/**', 'renderer/src/main.tsx'],
    // Moved by restructure branch: the reader's and the panel's queries go to db/ there.
    ignores: ['renderer/src/features/reader/**', 'renderer/src/features/tagging/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `MemberExpression:matches([object.name='db'], [object.property.name='db'])[property.name=${DB_MEMBERS}]`,
          message: 'Every IndexedDB query lives in db/: move this query into a db/ module and call it from here.',
        },
      ],
    },
  },
  layer('main/**', ['**/renderer/**'], 'main never imports the renderer.'),
  {
    // Electron's objects reach main's modules as parameters, so unit tests can hand them fakes
    // (the electron package throws on import without its binary); only index.ts takes the real ones.
    files: ['main/**'],
    ignores: ['main/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', allowTypeImports: true, message: 'Take Electron objects as parameters (see main/startApp.ts); import only types here.' }] },
      ],
    },
  },
  layer('preload/**', ['**/renderer/**', '**/main/**'], 'preload imports only its own contract.'),
  {
    files: ['test/**', '*.config.*', 'scripts/**'],
    // Tests and benches also run code inside the page (page.evaluate), hence browser globals.
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
)
