// Flat ESLint config: LWC's recommended rules for components, typescript-eslint for every .ts
// file (components, tests, scripts), Jest globals in tests.
const globals = require('globals');
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const lwcConfig = require('@salesforce/eslint-config-lwc');
const jestPlugin = require('eslint-plugin-jest');

const lwcFiles = ['force-app/main/default/lwc/**/*.ts'];
const scopeTo = (configs, files, ignores = []) =>
  configs.map((config) => ({ ...config, files, ignores }));

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
  // Component rules for components; tests drive components from outside, as Jest does.
  ...scopeTo(lwcConfig.configs.recommended, lwcFiles, ['**/__tests__/**']),
  {
    files: lwcFiles,
    rules: {
      // Formatting belongs to Prettier, which wraps such arrows in parentheses its own way.
      'no-confusing-arrow': 'off',
      // tsc checks that a switch over a union is exhaustive and that every path returns.
      'default-case': 'off',
      'consistent-return': 'off',
      // TypeScript hoists function and class declarations; only variables must come first.
      'no-use-before-define': ['error', { functions: false, classes: false, variables: true }]
    }
  },
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
    files: ['scripts/**/*.ts', 'apex-runtime/**/*.ts', 'formula-engine/**/*.ts', '*.ts'],
    languageOptions: { globals: { ...globals.node } }
  },
  {
    files: ['**/__tests__/**/*.ts'],
    ...jestPlugin.configs['flat/recommended'],
    languageOptions: { globals: { ...globals.jest, ...globals.node, ...globals.browser } },
    rules: {
      ...jestPlugin.configs['flat/recommended'].rules,
      '@typescript-eslint/no-non-null-assertion': 'off',
      // jest.mock factories run before imports and must require what they use.
      '@typescript-eslint/no-require-imports': 'off',
      // A virtual mock of a module that resolves (sfdx-lwc-jest's lightning/* stubs) is keyed
      // apart from the stub, and Jest's resolver caches a component's module ids per worker: once
      // a test file without the mock has loaded the component, the component keeps the stub and
      // the mock is never called (CI failed so, depending on which files shared a worker).
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.object.name='jest'][callee.property.name='mock'][arguments.0.value=/^lightning\\//] > ObjectExpression Property[key.name='virtual']",
          message:
            'lightning/* modules resolve to sfdx-lwc-jest stubs: mock them without { virtual: true }.'
        }
      ]
    }
  }
);
