import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../paths';
import { ONE_PER_USER } from '../server/onePerUser';

const TRIGGERS_DIR = join(REPO_ROOT, 'force-app', 'main', 'default', 'triggers');

describe('the workbench’s one-per-user rules', () => {
  it.each(Object.entries(ONE_PER_USER))(
    'match the %s trigger’s parent, user and message label',
    (objectName, rule) => {
      const trigger = readFileSync(
        join(
          TRIGGERS_DIR,
          {
            Strategy_Acknowledgement__c: 'StrategyAcknowledgementTrigger.trigger',
            Idea_Vote__c: 'IdeaVoteTrigger.trigger',
            Program_Enrollment__c: 'ProgramEnrollmentTrigger.trigger'
          }[objectName] ?? ''
        ),
        'utf8'
      );
      expect(trigger).toContain(`${objectName}.${rule.parentField},`);
      expect(trigger).toContain(`${objectName}.${rule.userField},`);
      expect(trigger).toContain(`System.Label.${rule.duplicateLabel}`);
    }
  );
});
