// Two Jest projects: the Lightning Web Components (jsdom, sfdx-lwc-jest's preset) and the Node
// tooling under scripts/ (node environment). Both compile TypeScript with the LWC transformer,
// which strips types; `npm run typecheck` is what checks them.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

const transform = jestConfig.transform;

module.exports = {
  // The tests that load the sample org and run its Apex take seconds on a busy 2-core machine;
  // the bound is there to stop a hang, not to measure speed (that is `npm run bench`).
  testTimeout: 60_000,
  coverageDirectory: '<rootDir>/coverage',
  collectCoverageFrom: [
    'force-app/main/default/lwc/**/*.ts',
    'scripts/**/*.ts',
    'apex-runtime/**/*.ts',
    'formula-engine/**/*.ts',
    '!**/__tests__/**',
    '!**/__fixtures__/**',
    '!scripts/bench/**'
  ],
  projects: [
    {
      ...jestConfig,
      displayName: 'lwc',
      collectCoverageFrom: undefined,
      roots: ['<rootDir>/force-app'],
      // css: a CSS-only module (c/ssmStyles) resolves to its stylesheet, as on the platform.
      moduleFileExtensions: [...jestConfig.moduleFileExtensions, 'json', 'css'],
      testMatch: ['**/__tests__/**/*.test.ts'],
      setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv || []), '<rootDir>/jest.setup.js']
    },
    {
      displayName: 'scripts',
      rootDir: __dirname,
      roots: ['<rootDir>/scripts', '<rootDir>/data', '<rootDir>/formula-engine'],
      testEnvironment: 'node',
      testMatch: ['**/__tests__/**/*.test.ts'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      transform,
      moduleNameMapper: {
        '^c/(.*)$': '<rootDir>/force-app/main/default/lwc/$1/$1',
        // The LWC transformer makes service components import 'lwc'; Node has no DOM, so they
        // get the server engine, which registers the same decorators.
        '^lwc$': '@lwc/engine-server'
      }
    },
    {
      // The Apex runtime is plain Node TypeScript: Babel strips the types, nothing else (the LWC
      // transformer would treat its subclasses as components).
      displayName: 'apex-runtime',
      rootDir: __dirname,
      roots: ['<rootDir>/apex-runtime'],
      testEnvironment: 'node',
      testMatch: ['**/__tests__/**/*.test.ts'],
      moduleFileExtensions: ['ts', 'js', 'json'],
      transform: {
        '^.+\\.ts$': [
          'babel-jest',
          {
            presets: [['@babel/preset-typescript', { allowDeclareFields: true }]],
            plugins: ['@babel/plugin-transform-modules-commonjs'],
            babelrc: false,
            configFile: false
          }
        ]
      },
      moduleNameMapper: {
        '^c/(.*)$': '<rootDir>/force-app/main/default/lwc/$1/$1'
      }
    }
  ]
};
