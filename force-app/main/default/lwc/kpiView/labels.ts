/** The pipeline review's words, from custom labels so the package can be translated. */
import title from '@salesforce/label/c.SSM_Review_Title';
import team from '@salesforce/label/c.SSM_Review_Team';
import myTeam from '@salesforce/label/c.SSM_Review_My_Team';
import period from '@salesforce/label/c.SSM_Review_Period';
import thisQuarter from '@salesforce/label/c.SSM_Review_This_Quarter';
import nextQuarter from '@salesforce/label/c.SSM_Review_Next_Quarter';
import lastQuarter from '@salesforce/label/c.SSM_Review_Last_Quarter';
import thisMonth from '@salesforce/label/c.SSM_Review_This_Month';
import nextMonth from '@salesforce/label/c.SSM_Review_Next_Month';
import changesSince from '@salesforce/label/c.SSM_Review_Changes_Since';
import seller from '@salesforce/label/c.SSM_Review_Seller';
import all from '@salesforce/label/c.SSM_Review_All';
import stage from '@salesforce/label/c.SSM_Review_Stage';
import forecastCategory from '@salesforce/label/c.SSM_Review_Forecast_Category';
import risk from '@salesforce/label/c.SSM_Review_Risk';
import atRisk from '@salesforce/label/c.SSM_Review_At_Risk';
import noRisk from '@salesforce/label/c.SSM_Review_No_Risk';
import riskPushed from '@salesforce/label/c.SSM_Review_Risk_Pushed';
import riskFlagged from '@salesforce/label/c.SSM_Review_Risk_Flagged';
import riskLowScore from '@salesforce/label/c.SSM_Review_Risk_Low_Score';
import openPipeline from '@salesforce/label/c.SSM_Review_Open_Pipeline';
import weighted from '@salesforce/label/c.SSM_Review_Weighted';
import closedWon from '@salesforce/label/c.SSM_Review_Closed_Won';
import coverage from '@salesforce/label/c.SSM_Review_Coverage';
import forecast from '@salesforce/label/c.SSM_Review_Forecast';
import commit from '@salesforce/label/c.SSM_Review_Commit';
import bestCase from '@salesforce/label/c.SSM_Review_Best_Case';
import winRate from '@salesforce/label/c.SSM_Review_Win_Rate';
import timeWithCustomers from '@salesforce/label/c.SSM_Review_Time_With_Customers';
import coachingSessions from '@salesforce/label/c.SSM_Review_Coaching_Sessions';
import dataQuality from '@salesforce/label/c.SSM_Review_Data_Quality';
import target from '@salesforce/label/c.SSM_Review_Target';
import met from '@salesforce/label/c.SSM_Review_Met';
import notMet from '@salesforce/label/c.SSM_Review_Not_Met';
import noTarget from '@salesforce/label/c.SSM_Review_No_Target';
import targetMet from '@salesforce/label/c.SSM_Review_Target_Met';
import changesTitle from '@salesforce/label/c.SSM_Review_Changes_Title';
import newDeals from '@salesforce/label/c.SSM_Review_New';
import won from '@salesforce/label/c.SSM_Review_Won';
import lost from '@salesforce/label/c.SSM_Review_Lost';
import pushed from '@salesforce/label/c.SSM_Review_Pushed';
import pulledIn from '@salesforce/label/c.SSM_Review_Pulled_In';
import amountUp from '@salesforce/label/c.SSM_Review_Amount_Up';
import amountDown from '@salesforce/label/c.SSM_Review_Amount_Down';
import movedOut from '@salesforce/label/c.SSM_Review_Moved_Out';
import changeCount from '@salesforce/label/c.SSM_Review_Change_Count';
import deals from '@salesforce/label/c.SSM_Review_Deals';
import deal from '@salesforce/label/c.SSM_Review_Deal';
import account from '@salesforce/label/c.SSM_Review_Account';
import amount from '@salesforce/label/c.SSM_Review_Amount';
import closeDate from '@salesforce/label/c.SSM_Review_Close_Date';
import nextStep from '@salesforce/label/c.SSM_Review_Next_Step';
import score from '@salesforce/label/c.SSM_Review_Score';
import coachingFlags from '@salesforce/label/c.SSM_Review_Coaching_Flags';
import actions from '@salesforce/label/c.SSM_Review_Actions';
import edit from '@salesforce/label/c.SSM_Review_Edit';
import coach from '@salesforce/label/c.SSM_Review_Coach';
import save from '@salesforce/label/c.SSM_Review_Save';
import cancel from '@salesforce/label/c.SSM_Review_Cancel';
import saved from '@salesforce/label/c.SSM_Review_Saved';
import saveFailed from '@salesforce/label/c.SSM_Review_Save_Failed';
import loadFailed from '@salesforce/label/c.SSM_Review_Load_Failed';
import loadMore from '@salesforce/label/c.SSM_Review_Load_More';
import partial from '@salesforce/label/c.SSM_Review_Partial';
import truncated from '@salesforce/label/c.SSM_Review_Truncated';
import noDeals from '@salesforce/label/c.SSM_Review_No_Deals';
import sortBy from '@salesforce/label/c.SSM_Review_Sort_By';
import coachingTitle from '@salesforce/label/c.SSM_Review_Coaching_Title';
import logSession from '@salesforce/label/c.SSM_Review_Log_Session';
import focusArea from '@salesforce/label/c.SSM_Review_Focus_Area';
import notes from '@salesforce/label/c.SSM_Review_Notes';
import sessionDate from '@salesforce/label/c.SSM_Review_Session_Date';
import followUp from '@salesforce/label/c.SSM_Review_Follow_Up';
import sessionLogged from '@salesforce/label/c.SSM_Review_Session_Logged';
import sellers from '@salesforce/label/c.SSM_Review_Sellers';
import openDealsFlags from '@salesforce/label/c.SSM_Review_Open_Deals_Flags';
import closedHint from '@salesforce/label/c.SSM_Review_Closed_Hint';

export const LABELS = {
  title,
  team,
  myTeam,
  period,
  thisQuarter,
  nextQuarter,
  lastQuarter,
  thisMonth,
  nextMonth,
  changesSince,
  seller,
  all,
  stage,
  forecastCategory,
  risk,
  atRisk,
  noRisk,
  riskPushed,
  riskFlagged,
  riskLowScore,
  openPipeline,
  weighted,
  closedWon,
  coverage,
  forecast,
  commit,
  bestCase,
  winRate,
  timeWithCustomers,
  coachingSessions,
  dataQuality,
  target,
  met,
  notMet,
  noTarget,
  targetMet,
  changesTitle,
  newDeals,
  won,
  lost,
  pushed,
  pulledIn,
  amountUp,
  amountDown,
  movedOut,
  changeCount,
  deals,
  deal,
  account,
  amount,
  closeDate,
  nextStep,
  score,
  coachingFlags,
  actions,
  edit,
  coach,
  save,
  cancel,
  saved,
  saveFailed,
  loadFailed,
  loadMore,
  partial,
  truncated,
  noDeals,
  sortBy,
  coachingTitle,
  logSession,
  focusArea,
  notes,
  sessionDate,
  followUp,
  sessionLogged,
  sellers,
  openDealsFlags,
  closedHint
};
