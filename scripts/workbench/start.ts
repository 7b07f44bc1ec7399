/**
 * `npm start`: the offline workbench. Until it lands (issue "The offline workbench"), this says
 * what it will show and how to see the package today, and exits successfully.
 */
const lines = [
  'Strategic Sales Management for Salesforce - offline workbench',
  '',
  "The workbench will serve the package's own Lightning Web Components on 127.0.0.1 over the",
  'sample org in data/: Home, Account, Opportunity and Account Plan record pages, the Pipeline',
  'Review app page and an Admin page with the rules and a formula tester.',
  '',
  'It is not built yet. What you can run today:',
  '  npm test        every offline check and the Jest suites',
  '  npm run build   emit the JavaScript of the TypeScript components',
  '  npm run deploy -- -o <alias>   deploy to an org you are logged in to with `sf`'
];
console.log(lines.join('\n'));
