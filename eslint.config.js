// Lint enforces the process boundaries of docs/architecture.md §7: only the preload imports ipcRenderer, only
// electron/ipc.ts imports ipcMain, only the runner imports execa/child_process, and shared/ imports
// nothing platform-specific.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import sdl from '@microsoft/eslint-plugin-sdl';

const restrictElectron = (allowed) => ({
  name: 'electron',
  importNames: ['ipcRenderer', 'ipcMain'].filter((n) => !allowed.includes(n)),
  message:
    'Only electron/preload.ts may import ipcRenderer and only electron/ipc.ts may import ipcMain (docs/architecture.md §7).',
});
const processSpawning = [
  { name: 'execa', message: 'Only electron/system/run/spawn-pinned.ts may spawn processes (docs/architecture.md §3).' },
  {
    name: 'child_process',
    message: 'Only electron/system/run/spawn-pinned.ts may spawn processes (docs/architecture.md §3).',
  },
  {
    name: 'node:child_process',
    message: 'Only electron/system/run/spawn-pinned.ts may spawn processes (docs/architecture.md §3).',
  },
];
const boundary = (electronAllowed = [], spawnAllowed = false) => ({
  'no-restricted-imports': [
    'error',
    { paths: [restrictElectron(electronAllowed), ...(spawnAllowed ? [] : processSpawning)] },
  ],
});

// Second opinion on docs/architecture.md §5: Microsoft SDL's shareable configs (common: no-eval/no-inner-html/no-insecure-url/
// no-document-write/no-postmessage-star-origin...; electron: no-electron-node-integration; node: no-unsafe-alloc,
// n/no-deprecated-api; react: react/no-danger, jsx-no-target-blank, iframe-missing-sandbox), scoped to the code that
// ships (main, preload, renderer, shared; tests do not ship and feed invalid input such as 'http://x' on purpose).
// The plugin's `recommended` adds Angular rules (no Angular here) and its
// `typescript` entry is an alias of `react` in 1.1.0, so the configs are picked one by one.
const shipped = ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'shared/**/*.ts'];
const sdlConfigs = ['common', 'electron', 'node', 'react'].flatMap((name) =>
  sdl.configs[name].map((c) => ({
    ...c,
    name: `sdl/${name}`,
    files: shipped,
    ignores: ['**/*.test.{ts,tsx}', '**/*.win32-test.ts'],
  })),
);

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'build/', 'test-results/', '.bench/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Type-aware rules: a promise nobody awaits loses its error; a switch with a default over a closed
  // union hides the member someone adds next (shared/assert-never.ts is the last branch instead).
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: false }],
    },
  },
  // node:test's describe/it return promises that its runner awaits itself (the Win32 tier's files).
  { files: ['**/*.win32-test.ts'], rules: { '@typescript-eslint/no-floating-promises': 'off' } },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='openExternal']",
          message: 'No shell.openExternal (docs/architecture.md §5).',
        },
      ],
      ...boundary(),
    },
  },
  ...sdlConfigs,
  { files: ['electron/preload.ts'], rules: boundary(['ipcRenderer']) },
  { files: ['electron/ipc.ts'], rules: boundary(['ipcMain']) },
  { files: ['electron/system/run/spawn-pinned.ts'], rules: boundary([], true) },
  // Tests and scripts may spawn (the start script runs electron-vite; tests run scripts); they never ship.
  // *.win32-test.ts are the Win32 tier's node:test files (scripts/win32/run-tier.mjs runs them under Wine).
  {
    files: ['**/*.test.ts', '**/*.win32-test.ts', 'scripts/**', 'test/**', 'e2e/**'],
    rules: boundary(['ipcRenderer', 'ipcMain'], true),
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(node:|electron|react|execa|iconv-lite|fs$|path$|os$)',
              message: 'shared/ is pure TypeScript: no platform imports (docs/architecture.md §2).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(node:|electron$|execa|child_process)',
              message: 'The renderer reaches the system only through window.api.',
            },
          ],
        },
      ],
    },
  },
);
