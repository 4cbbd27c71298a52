// ESLint: correctness rules, and the architecture's promises as import rules a machine checks (the
// README's "How the code is laid out"). Style is Prettier's job, so no stylistic rules here.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The product's folders: the boundary rules hold there (tests may import anything they test). */
const PRODUCT = ['main/**', 'common/**', 'preload/**', 'renderer/**'];

const only = (where) => `is imported only in ${where} (README: How the code is laid out)`;

/** Packages that one folder alone may import. */
export const OWNED_PACKAGES = [
  { name: 'got', owners: ['main/arena/**'], message: only('main/arena/: the only code that speaks HTTP') },
  { name: 'keytar', owners: ['main/vault/**'], message: only('main/vault/: the only code that touches the OS keychain') },
  { name: 'electron', owners: ['main/app/**', 'preload/**'], message: only('main/app/ and preload/: the rest runs without Electron') },
];

export const CONDITIONAL_SPREAD_MESSAGE =
  'declare the option as `x?: T | undefined` and pass it as is, instead of a conditional spread (README: How the code is laid out)';

const NODE_MODULES_MESSAGE = 'renderer/ and common/ run in the browser sandbox too: no Node module here';
const MAIN_MESSAGE = 'the renderer talks to main only through the typed IPC contract (common/ipc/contract.ts)';

/**
 * The no-restricted-imports options for a file in `area`. ESLint applies the last matching rule entry
 * as a whole, so each area's list is built in full here rather than layered.
 * @param {{packages: string[], browser: boolean, renderer: boolean}} area
 */
function restrictions({ packages, browser, renderer }) {
  const paths = OWNED_PACKAGES.filter((owned) => packages.includes(owned.name)).map(({ name, message }) => ({
    name,
    message: `${name} ${message}`,
  }));
  const patterns = [];
  if (browser) {
    paths.push(...builtinModules.filter((name) => !name.startsWith('_')).map((name) => ({ name, message: NODE_MODULES_MESSAGE })));
    patterns.push({ regex: '^node:', message: NODE_MODULES_MESSAGE });
  }
  if (renderer) patterns.push({ regex: '^(\\.\\./)+main/', message: MAIN_MESSAGE });
  return ['error', { paths, patterns }];
}

/** One config entry per area, most specific last (the last matching entry wins). */
function boundaryConfigs() {
  const allNames = OWNED_PACKAGES.map((owned) => owned.name);
  const configs = [
    {
      name: 'boundaries/product',
      files: PRODUCT.map((glob) => `${glob.slice(0, -3)}/**/*.{ts,js,svelte}`),
      rules: { 'no-restricted-imports': restrictions({ packages: allNames, browser: false, renderer: false }) },
    },
    {
      name: 'boundaries/common',
      files: ['common/**/*.ts'],
      rules: { 'no-restricted-imports': restrictions({ packages: allNames, browser: true, renderer: false }) },
    },
    {
      name: 'boundaries/renderer',
      files: ['renderer/**/*.{ts,js,svelte}'],
      rules: { 'no-restricted-imports': restrictions({ packages: allNames, browser: true, renderer: true }) },
    },
  ];
  for (const owned of OWNED_PACKAGES) {
    configs.push({
      name: `boundaries/${owned.name}-owner`,
      files: owned.owners.map((glob) => `${glob.slice(0, -3)}/**/*.ts`),
      rules: {
        'no-restricted-imports': restrictions({
          packages: allNames.filter((name) => name !== owned.name),
          browser: false,
          renderer: false,
        }),
      },
    });
  }
  return configs;
}

export default tseslint.config(
  { ignores: ['**/out/**', 'release/**', 'test-results/**', '**/node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // The Svelte rules only for Svelte files (on plain CommonJS scripts some of them crash).
  ...svelte.configs.recommended.map((config) => (config.files ? config : { ...config, files: ['**/*.svelte', '**/*.svelte.{js,ts}'] })),
  {
    name: 'environments',
    languageOptions: { globals: { ...globals.node } },
  },
  {
    name: 'renderer environment',
    files: ['renderer/**', 'test/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    name: 'CommonJS files',
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Its functions run inside the page (Playwright's page.evaluate).
    name: 'benchmark code that runs in the browser',
    files: ['bench/renderer.mjs'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    name: 'svelte with TypeScript',
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    name: 'correctness choices',
    rules: {
      // `_name` marks a parameter a signature needs but the body does not.
      // Stripping control characters out of text from the network is the point of those patterns.
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // exactOptionalPropertyTypes is on (tsconfig.base.json): an option that may be passed through as
      // undefined says so in its type (`x?: T | undefined`), so no `...(x !== undefined ? { x } : {})`
      // spreads. A spread stays where a key's absence is the point (an HTTP header, another library's options).
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'ObjectExpression > SpreadElement > ConditionalExpression[test.type="BinaryExpression"][test.right.type="Identifier"][test.right.name="undefined"]',
          message: CONDITIONAL_SPREAD_MESSAGE,
        },
      ],
    },
  },
  ...boundaryConfigs(),
);
