// Flat ESLint config: LWC's recommended rules for components, typescript-eslint for every .ts
// file (components, tests, scripts), Jest globals in tests.
const globals = require('globals');
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const lwcConfig = require('@salesforce/eslint-config-lwc');
const jestPlugin = require('eslint-plugin-jest');

const lwcFiles = ['force-app/main/default/lwc/**/*.ts'];
const scopeTo = (configs, files) => configs.map((config) => ({ ...config, files }));

module.exports = tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'coverage/**',
      '.workbench/**',
      '.artifacts/**',
      '.sfdx/**',
      '.sf/**',
      'force-app/main/default/lwc/**/*.js',
      'scripts/checks/__fixtures__/**'
    ]
  },
  {
    files: ['**/*.js'],
    ...js.configs.recommended,
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }
  },
  ...scopeTo(lwcConfig.configs.recommended, lwcFiles),
  ...scopeTo(tseslint.configs.strict, ['**/*.ts']),
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { sourceType: 'module' }
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error'
    }
  },
  {
    files: ['force-app/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } }
  },
  {
    files: ['scripts/**/*.ts', '*.ts'],
    languageOptions: { globals: { ...globals.node } }
  },
  {
    files: ['**/__tests__/**/*.ts'],
    ...jestPlugin.configs['flat/recommended'],
    languageOptions: { globals: { ...globals.jest, ...globals.node, ...globals.browser } },
    rules: {
      ...jestPlugin.configs['flat/recommended'].rules,
      '@typescript-eslint/no-non-null-assertion': 'off'
    }
  }
);
