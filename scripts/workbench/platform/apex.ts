/**
 * `@salesforce/apex` and `@salesforce/apex/<Class>.<method>`: every Apex method a component
 * imports is a function (imperative call) with a wire adapter, answered by the server's
 * /api/apex endpoint. A method the workbench does not implement answers 501 with a message
 * naming it, which reaches the component as an error (and its error panel) - never silence.
 */
import { callApi } from './http';
import { adapterOf, createWireAdapter, type WireConfig } from './wireAdapter';

export function invokeApex(
  className: string,
  methodName: string,
  params: WireConfig
): Promise<unknown> {
  return callApi(`/api/apex/${className}.${methodName}`, { method: 'POST', body: params });
}

export function apexMethod(className: string, methodName: string) {
  const call = (params?: WireConfig) => invokeApex(className, methodName, params ?? {});
  return Object.assign(call, {
    adapter: createWireAdapter((config) => invokeApex(className, methodName, config))
  });
}

/** Re-runs the wire adapter that produced `wiredValue`. */
export function refreshApex(wiredValue: unknown): Promise<void> {
  return adapterOf(wiredValue)?.refresh() ?? Promise.resolve();
}
