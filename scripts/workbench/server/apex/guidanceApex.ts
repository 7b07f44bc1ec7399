/** RecordGuidanceController over the workbench org: the shipped rules' live verdict on a record. */
import { GUIDED_OBJECTS } from '../../../../force-app/main/default/lwc/guidanceEngine/guidanceEngine';
import { apexError, canManageRules, visibleRecord, type ApexHandler } from './apexMethod';

export const GUIDANCE_APEX: Readonly<Record<string, ApexHandler>> = {
  'RecordGuidanceController.getGuidance': (workbench, acting, params) => {
    const recordId = typeof params.recordId === 'string' ? params.recordId : '';
    const record = workbench.org.byId(recordId);
    if (!record || !GUIDED_OBJECTS.includes(record.attributes.type)) {
      return apexError(
        400,
        'Record guidance is available on opportunities, accounts and account plans only.'
      );
    }
    if (!visibleRecord(workbench, acting, recordId)) {
      return apexError(404, 'The record was not found or you do not have access to it.');
    }
    const guidance = workbench.guidanceOf(record);
    return {
      status: 200,
      body: canManageRules(workbench, acting) ? guidance : { ...guidance, broken: [] }
    };
  }
};
