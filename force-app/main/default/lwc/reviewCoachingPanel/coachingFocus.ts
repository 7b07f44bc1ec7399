/**
 * Suggests the skill (global value set Sales_Skill) to coach from the deal's coaching prompts
 * (rule API names); the manager can pick another. Blank when the org lacks the suggestion.
 */
export function suggestedFocusArea(flags: readonly string[], skills: readonly string[]): string {
  const joined = flags.join(' ');
  let skill = 'Discovery';
  if (/Close_Date|Closing_Early|Commit|Amount_Up/.test(joined)) skill = 'Forecasting Discipline';
  else if (/Decision_Maker|Single_Threaded|Large_Deal/.test(joined)) skill = 'Account Planning';
  else if (/Next_Step|Stalled/.test(joined)) skill = 'Value Selling';
  return skills.includes(skill) ? skill : '';
}
