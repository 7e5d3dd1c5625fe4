// Lint rules: typescript-eslint recommended, plus the design's layering rule — the pure layers
// (ingest, engine, shared, webview) never import vscode or Node built-ins that touch the machine.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const noVscode = {
  'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Pure layer: no vscode here (DESIGN.md §2).' }],
    patterns: [{ group: ['fs', 'node:fs', 'fs/*', 'node:fs/*', 'worker_threads', 'node:worker_threads', 'child_process', 'node:child_process'], message: 'Pure layer: no I/O here (DESIGN.md §2).' }] }],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.vscode-test/**', '.test-tools/**', 'test-results/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.mocha } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  { files: ['src/ingest/**', 'src/engine/**', 'src/shared/**'], rules: noVscode },
  { files: ['src/webview/**'], languageOptions: { globals: { ...globals.browser } }, rules: noVscode },
  { files: ['test/integration/ui/**', 'test/integration/*.mjs'], languageOptions: { globals: { ...globals.browser, ...globals.node } } },
);
