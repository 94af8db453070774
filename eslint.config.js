import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Lint zones (design.md): code that runs in pages must never import what only the background may hold.
 * Patterns match both the `@/lib/...` alias and relative paths, never packages such as `react-dom/client`.
 */
const local = '^(@/|\\.\\.?/)';
export const contentForbiddenImports = [
  { regex: `${local}(.*/)?client(\\.ts)?$`, message: 'Provider API clients run in the background only.' },
  {
    regex: `${local}(.*/)?storage/(secrets|database)(\\.ts)?$`,
    message: 'Secrets stay in the background and the options page.',
  },
  {
    regex: `${local}(.*/)?background(/|$)`,
    message: 'Background code is not for content scripts: send a message instead.',
  },
  { regex: `${local}(.*/)?http(/|$)`, message: 'Only the background makes HTTP calls to ATS APIs.' },
];

export const contentFiles = [
  'entrypoints/*.content/**',
  'lib/content/**',
  'lib/providers/*/page.ts',
  'lib/providers/pages.ts',
  'lib/messaging/send.ts',
  'components/panel/**',
  'components/scorecard/**',
  'components/export/**',
  'components/notes/**',
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.sandbox/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Playwright fixtures call their continuation `use`, which is not React's hook.
    files: ['tests/e2e/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    files: contentFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: contentForbiddenImports }] },
  },
  {
    // React components never touch extension APIs or the network: they get data through queries and props.
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'wxt/browser', message: 'Components get data through queries and props.' }],
          patterns: contentForbiddenImports,
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Components never fetch.' },
        { name: 'browser', message: 'Components get data through queries and props.' },
        { name: 'chrome', message: 'Components get data through queries and props.' },
      ],
    },
  },
);
