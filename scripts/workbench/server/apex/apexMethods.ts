/**
 * Every Apex method the workbench implements, by `Class.method`. Each feature keeps its methods
 * in its own module here; a component calling a method missing from this list fails loudly.
 */
import type { ApexHandler } from './apexMethod';
import { CALENDAR_APEX } from './calendarApex';
import { DEVELOPMENT_APEX } from './developmentApex';
import { GUIDANCE_APEX } from './guidanceApex';
import { PIPELINE_APEX } from './pipelineApex';
import { STRATEGY_APEX } from './strategyApex';

export const APEX_METHODS: Readonly<Record<string, ApexHandler>> = {
  ...CALENDAR_APEX,
  ...DEVELOPMENT_APEX,
  ...GUIDANCE_APEX,
  ...PIPELINE_APEX,
  ...STRATEGY_APEX
};
