// Lint rules that keep the architecture honest: core code never imports
// Electron, the renderer never reaches Node or raw IPC, and only the IPC
// wrappers register handlers or push events.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

const noElectron = {
  paths: [{ name: 'electron', message: 'Core code must not import electron: take the platform service as a parameter.' }],
  patterns: [{ group: ['electron/*', '**/electron/shell/**'], message: 'Core code must not import the Electron shell.' }],
};

const ipcCallsOutsideWrappers = [
  {
    selector: "CallExpression[callee.object.name='ipcMain'][callee.property.name=/^(handle|handleOnce|on)$/]",
    message: 'Register IPC handlers only through electron/shell/ipc.ts (registerIpcHandlers).',
  },
  {
    selector: "CallExpression[callee.property.name='send'][callee.object.property.name='webContents']",
    message: 'Push events only through electron/shell/ipc.ts (createEventSender).',
  },
  {
    selector: "CallExpression[callee.property.name='send'][callee.object.name='contents']",
    message: 'Push events only through electron/shell/ipc.ts (createEventSender).',
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'tests/output/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', ...ipcCallsOutsideWrappers],
    },
  },
  {
    files: ['electron/shell/ipc.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['electron/core/**', 'electron/sandbox/**', 'electron/browser/**', 'electron/cli/**', 'shared/**'],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
  {
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...noElectron.paths, ...nodeBuiltins.map((name) => ({ name, message: 'shared/ is imported by the renderer: no Node modules.' }))],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to main only through the API in renderer/src/ipc.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer runs without Node: no Node modules.' })),
          ],
          patterns: [{ group: ['**/electron/**'], message: 'The renderer must not import main-process code.' }],
        },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'ipcRenderer', message: 'The renderer never uses ipcRenderer; call the contract API.' },
      ],
    },
  },
);
