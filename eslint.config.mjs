// Lint, including the process boundaries of DESIGN.md: domain imports no other layer, db
// imports only domain, the renderer never reaches main or Node, main never reaches the renderer;
// and the renderer's own layers: a feature uses another only through its index.ts, shared/
// serves every feature and knows none, app/ composes the features.
import js from '@eslint/js'
import { dirname, relative, resolve, sep } from 'node:path'
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

const RENDERER_SRC = resolve(import.meta.dirname, 'renderer/src')

/** 'features/reader/tagging/ClaimForm.tsx' → ['features', 'reader', 'tagging', 'ClaimForm.tsx']; null outside renderer/src. */
function rendererPath(file) {
  const path = relative(RENDERER_SRC, file)
  return path.startsWith('..') || path === '' ? null : path.split(sep)
}

const isIndex = (rest) => rest.length === 0 || (rest.length === 1 && /^index\.tsx?$|^index$/.test(rest[0]))

// Relative specifiers are resolved against the importing file, so '../reader/X',
// '../../features/reader/X' and '../../../features/reader/X' are all seen as the reader's X.
const featureBoundaries = {
  meta: {
    type: 'problem',
    schema: [{ type: 'object', properties: { allow: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
    messages: {
      internals: "'{{source}}' reaches into the {{feature}} feature's internals: import what it offers from its index.ts ('{{index}}').",
      shell: "'{{source}}' imports the shell (app/) from {{from}}: app/ composes features, so what they share lives in shared/.",
      sharedToFeature: "'{{source}}' makes shared/ depend on a feature: shared/ serves every feature and imports none.",
      stylesheet: "'{{source}}': list stylesheets in app/styles.css instead. Screens load lazily; one list keeps one cascade order whichever screen opens first.",
    },
  },
  create(context) {
    const from = rendererPath(context.filename)
    if (!from) return {}
    const allow = new Set(context.options[0]?.allow ?? [])
    const check = (node, source) => {
      if (typeof source !== 'string') return
      if (source.endsWith('.css') && from.join('/') !== 'main.tsx') return context.report({ node, messageId: 'stylesheet', data: { source } })
      if (!source.startsWith('.')) return
      const target = rendererPath(resolve(dirname(context.filename), source))
      if (!target) return
      const fromFeature = from[0] === 'features' ? from[1] : null
      if (target[0] === 'features' && from[0] === 'shared') return context.report({ node, messageId: 'sharedToFeature', data: { source } })
      if (target[0] === 'features' && target.length >= 2) {
        const feature = target[1]
        if (feature === fromFeature || isIndex(target.slice(2)) || allow.has(target.join('/').replace(/\.tsx?$/, ''))) return
        const index = relative(dirname(context.filename), resolve(RENDERER_SRC, 'features', feature)).split(sep).join('/')
        return context.report({ node, messageId: 'internals', data: { source, feature, index: index.startsWith('.') ? index : `./${index}` } })
      }
      if (target[0] === 'app' && (fromFeature || from[0] === 'shared')) return context.report({ node, messageId: 'shell', data: { source, from: from.slice(0, 2).join('/') } })
    }
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    }
  },
}

const layer = (from, forbidden, message) => ({
  files: [from],
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
  },
})

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'bench-results/**', '**/*.d.ts', '**/*.d.mts', '**/*.d.cts'] },
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
    // CommonJS helpers that both the TypeScript test loaders and the .mjs benchmarks load.
    files: ['**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { ...tseslint.configs.disableTypeChecked.rules, 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' },
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
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { standpoint: { rules: { 'feature-boundaries': featureBoundaries } } },
    rules: {
      // The library's index worker still speaks the import worker's message protocol; it goes
      // when the workers move to one shared messaging library (issue 11, part 5).
      'standpoint/feature-boundaries': 'error',
    },
  },
  layer(
    'renderer/src/domain/**',
    ['**/db/**', '**/db', '**/features/**', '**/app/**', '**/shared/**', '**/platform/**', 'dexie', 'dexie-*', 'react', 'react-*', '@tanstack/*', ...RENDERER_FORBIDDEN, '**/preload/**'],
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
    ['**/features/**', '**/app/**', '**/shared/**', '**/platform/**', 'react', 'react-*', ...RENDERER_FORBIDDEN, '**/preload/**'],
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
