/** `lightning/uiObjectInfoApi` over the workbench server: object describes and picklist values. */
import { callApi } from './http';
import { createWireAdapter } from './wireAdapter';

export const getObjectInfo = createWireAdapter((config) =>
  callApi(`/api/ui/object-info/${encodeURIComponent(String(config.objectApiName))}`)
);

export const getPicklistValuesByRecordType = createWireAdapter((config) =>
  callApi(
    `/api/ui/object-info/${encodeURIComponent(String(config.objectApiName))}/picklist-values/` +
      encodeURIComponent(String(config.recordTypeId))
  )
);
