/**
 * Sales KPIs: pure functions over facts (deals, opportunity history, events, targets, coaching
 * sessions, strategy targets). No DOM, no platform imports, no clock: "today" is always a
 * parameter, so the same code runs in the org's LWCs, the offline workbench and the CLI.
 * Definitions: docs/KPI_DEFINITIONS.md; each function's doc comment states its choices.
 */
export * from './facts';
export * from './periods';
export * from './ratios';
export * from './pipeline';
export * from './pipelineTotals';
export * from './apexFacts';
export * from './forecast';
export * from './history';
export * from './changes';
export * from './slippage';
export * from './ageing';
export * from './customerTime';
export * from './people';
export * from './dataQuality';
export * from './sellerTable';
export * from './strategyTargets';
export * from './report';
export * from './skills';
export * from './compensation';
export * from './ideas';
export * from './strategy';
export * from './segments';
export * from './accountPlans';
