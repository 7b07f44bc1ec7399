#!/usr/bin/env node
// `npx ssm`: runs the TypeScript command line (scripts/cli/main.ts) through tsx, with the
// project's tsconfig so that `c/...` component imports resolve as they do in the tests.
'use strict';
const { join } = require('node:path');

process.env.TSX_TSCONFIG_PATH =
  process.env.TSX_TSCONFIG_PATH || join(__dirname, '..', 'tsconfig.json');
require('tsx/cjs/api').register();
const { run } = require('../scripts/cli/main.ts');

run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd()
}).then((code) => {
  process.exitCode = code;
});
