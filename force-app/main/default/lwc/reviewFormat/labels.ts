/** The labels the pipeline review's components add to c/kpiView's (custom labels, translatable). */
import movedIn from '@salesforce/label/c.SSM_Review_Moved_In';
import dealCountOne from '@salesforce/label/c.SSM_Review_Deal_Count_One';
import dealCountOther from '@salesforce/label/c.SSM_Review_Deal_Count_Other';
import changeFilterHint from '@salesforce/label/c.SSM_Review_Change_Filter_Hint';
import filteredBy from '@salesforce/label/c.SSM_Review_Filtered_By';
import clearChangeFilter from '@salesforce/label/c.SSM_Review_Clear_Change_Filter';
import was from '@salesforce/label/c.SSM_Review_Was';
import editField from '@salesforce/label/c.SSM_Review_Edit_Field';
import bridgeTitle from '@salesforce/label/c.SSM_Review_Bridge_Title';
import bridgeOpening from '@salesforce/label/c.SSM_Review_Bridge_Opening';
import bridgeClosing from '@salesforce/label/c.SSM_Review_Bridge_Closing';
import bridgeAmountChange from '@salesforce/label/c.SSM_Review_Bridge_Amount_Change';
import bridgeMovedEarlier from '@salesforce/label/c.SSM_Review_Bridge_Moved_Earlier';
import waterfallSummary from '@salesforce/label/c.SSM_Review_Waterfall_Summary';
import showTable from '@salesforce/label/c.SSM_Review_Show_Table';
import hideTable from '@salesforce/label/c.SSM_Review_Hide_Table';
import step from '@salesforce/label/c.SSM_Review_Step';
import change from '@salesforce/label/c.SSM_Review_Change';
import runningTotal from '@salesforce/label/c.SSM_Review_Running_Total';
import forecastBarTitle from '@salesforce/label/c.SSM_Review_Forecast_Bar_Title';
import forecastBarSummary from '@salesforce/label/c.SSM_Review_Forecast_Bar_Summary';
import category from '@salesforce/label/c.SSM_Review_Category';
import categoryAmount from '@salesforce/label/c.SSM_Review_Category_Amount';
import cumulative from '@salesforce/label/c.SSM_Review_Cumulative';
import closed from '@salesforce/label/c.SSM_Review_Closed';
import pipelineCategory from '@salesforce/label/c.SSM_Review_Pipeline_Category';
import targetMarker from '@salesforce/label/c.SSM_Review_Target_Marker';
import noTargetSet from '@salesforce/label/c.SSM_Review_No_Target_Set';
import inProgress from '@salesforce/label/c.SSM_Review_In_Progress';
import notStarted from '@salesforce/label/c.SSM_Review_Not_Started';
import noDataYet from '@salesforce/label/c.SSM_Review_No_Data_Yet';
import belowTarget from '@salesforce/label/c.SSM_Review_Below_Target';
import forecastDetail from '@salesforce/label/c.SSM_Review_Forecast_Detail';
import managersOnly from '@salesforce/label/c.SSM_Review_Managers_Only';
import exactAmount from '@salesforce/label/c.SSM_Review_Exact_Amount';
import progress from '@salesforce/label/c.SSM_Review_Progress';
import rowActions from '@salesforce/label/c.SSM_Review_Row_Actions';
import closedDeal from '@salesforce/label/c.SSM_Review_Closed_Deal';
import forecastColumn from '@salesforce/label/c.SSM_Review_Forecast_Column';
import sinceMax from '@salesforce/label/c.SSM_Review_Since_Max';

export const REVIEW_LABELS = {
  movedIn,
  dealCountOne,
  dealCountOther,
  changeFilterHint,
  filteredBy,
  clearChangeFilter,
  was,
  editField,
  bridgeTitle,
  bridgeOpening,
  bridgeClosing,
  bridgeAmountChange,
  bridgeMovedEarlier,
  waterfallSummary,
  showTable,
  hideTable,
  step,
  change,
  runningTotal,
  forecastBarTitle,
  forecastBarSummary,
  category,
  categoryAmount,
  cumulative,
  closed,
  pipelineCategory,
  targetMarker,
  noTargetSet,
  inProgress,
  notStarted,
  noDataYet,
  belowTarget,
  forecastDetail,
  managersOnly,
  exactAmount,
  progress,
  rowActions,
  closedDeal,
  sinceMax,
  forecastColumn
};
