/**
 * Skills, compensation and improvement ideas in the browser: a seller votes on an idea and a
 * second vote (from a page opened before the first) is refused in the data model's words; a
 * seller enrols in a recommended programme from Home; the manager's team development page and
 * the Compensation Plan page show the figures counted from the dataset.
 */
import { managerHierarchyBelow } from '../../../apex-runtime/src/platform/recordAccess';
import {
  actAs,
  AssertionError,
  expect,
  sampleUser,
  TIMEOUT_MS,
  type BrowserSuite
} from './harness';
import type { AllowedErrors } from '../browserRun';

const SELLER = 'seller1';

const suite: BrowserSuite = {
  'a seller votes on an idea once; a second vote is refused with the clear message': async (
    context
  ) => {
    const { page, running, browser } = context;
    const { workbench } = running;
    await actAs(context, SELLER);
    const seller = sampleUser(workbench, SELLER);
    const voted = new Set(
      workbench
        .records('Idea_Vote__c')
        .filter((vote) => vote.Voter__c === seller.id)
        .map((vote) => vote.Improvement_Idea__c)
    );
    const idea = workbench.records('Improvement_Idea__c').find((row) => !voted.has(row.Id));
    if (!idea) throw new AssertionError('seller1 has voted for every sample idea');
    const before = Number(idea.Vote_Count__c ?? 0);
    const item = `c-improvement-ideas li[data-idea-id="${idea.Id}"]`;

    await page.goto(`${running.url}#/improvement-ideas`);
    await page.reload();
    await page.locator(`${item} button[data-action="vote"]`).waitFor({ timeout: TIMEOUT_MS });
    // A second page, opened before the vote, still offers the vote button.
    const stale = await browser.newPage();
    try {
      await stale.goto(`${running.url}#/improvement-ideas`);
      await stale.locator(`${item} button[data-action="vote"]`).waitFor({ timeout: TIMEOUT_MS });

      await page.locator(`${item} button[data-action="vote"]`).click({ timeout: TIMEOUT_MS });
      await page.locator(`${item} [data-id="voted"]`).waitFor({ timeout: TIMEOUT_MS });
      const votes = await page.locator(`${item} [data-id="votes"]`).textContent();
      expect(
        votes?.trim() === `${before + 1} votes`,
        `the idea shows "${votes}" after the vote, not ${before + 1} votes`
      );

      await stale.locator(`${item} button[data-action="vote"]`).click({ timeout: TIMEOUT_MS });
      const refusal = await stale
        .locator('c-improvement-ideas [data-id="action-error"] h2')
        .textContent({ timeout: TIMEOUT_MS });
      expect(
        /already voted/i.test(refusal ?? ''),
        `the second vote shows "${refusal}", not the already-voted message`
      );
    } finally {
      await stale.close();
    }
    expect(
      workbench.byId(idea.Id)?.Vote_Count__c === before + 1,
      'the stored vote count is not one higher'
    );
  },

  'a seller enrols in a recommended programme from Home and sees the enrolment': async (
    context
  ) => {
    const { page, running } = context;
    await actAs(context, SELLER);
    await page.goto(`${running.url}#/home`);
    await page.reload();
    const enrol = page.locator('c-skill-profile button[data-action="enrol"]').first();
    await enrol.waitFor({ timeout: TIMEOUT_MS });
    const programId = (await enrol.getAttribute('data-program-id')) ?? '';
    const programName = (await enrol.getAttribute('data-program-name')) ?? '';
    await enrol.click({ timeout: TIMEOUT_MS });
    await page
      .locator(`c-skill-profile button[data-program-id="${programId}"]`)
      .waitFor({ state: 'detached', timeout: TIMEOUT_MS });
    const enrolments = await page
      .locator('c-skill-profile [data-id="enrollments"]', { hasText: programName })
      .textContent({ timeout: TIMEOUT_MS });
    expect(
      (enrolments ?? '').includes(`${programName}: Enrolled`),
      `the profile lists "${enrolments}", not ${programName} as Enrolled`
    );
    const seller = sampleUser(running.workbench, SELLER);
    expect(
      running.workbench
        .records('Program_Enrollment__c')
        .some((row) => row.Development_Program__c === programId && row.Seller__c === seller.id),
      'no enrolment was stored'
    );
  },

  'the manager sees the team’s skill matrix and its share in development': async (context) => {
    const { page, running } = context;
    await actAs(context, 'manager1');
    try {
      // From the dataset: the manager's team (direct and indirect reports) and those of them
      // with an enrolment that is Enrolled or In Progress.
      const { workbench } = running;
      const manager = sampleUser(workbench, 'manager1');
      const team = managerHierarchyBelow(workbench.records('User'), manager.id);
      team.delete(manager.id);
      expect(team.size > 0, 'manager1 has no team in the sample org');
      const inDevelopment = new Set(
        workbench
          .records('Program_Enrollment__c')
          .filter((row) => row.Status__c === 'Enrolled' || row.Status__c === 'In Progress')
          .map((row) => String(row.Seller__c))
          .filter((id) => team.has(id))
      );
      await page.goto(`${running.url}#/team-development`);
      await page.reload();
      const share = await page
        .locator('c-team-development [data-id="share"]')
        .textContent({ timeout: TIMEOUT_MS });
      const expected = `${inDevelopment.size} of ${team.size}`;
      expect((share ?? '').includes(expected), `the page says "${share}", not ${expected}`);
      const rows = await page.locator('c-team-development tr[data-seller]').count();
      expect(rows === team.size, `the matrix has ${rows} sellers, the team ${team.size}`);
      await page
        .locator('c-team-development [data-id="coaching"]')
        .waitFor({ timeout: TIMEOUT_MS });
    } finally {
      await actAs(context, SELLER);
    }
  },

  'the Compensation Plan page explains the plan’s alignment with the strategy': async (context) => {
    const { page, running } = context;
    const plan = running.workbench.records('Compensation_Plan__c')[0];
    await actAs(context, 'director');
    try {
      await page.goto(`${running.url}#/Compensation_Plan__c/${plan.Id}`);
      await page.reload();
      const total = await page
        .locator('c-compensation-alignment [data-id="total"]')
        .textContent({ timeout: TIMEOUT_MS });
      expect(/100\s?%: complete/.test(total ?? ''), `the total reads "${total}"`);
      const warnings = await page
        .locator('c-compensation-alignment [data-id="warnings"]')
        .textContent({ timeout: TIMEOUT_MS });
      expect(
        /25\s?%/.test(warnings ?? '') && /40\s?%/.test(warnings ?? ''),
        `the warning reads "${warnings}", not 25 % of pay on team results against 40 %`
      );
    } finally {
      await actAs(context, SELLER);
    }
  }
};

/**
 * The refused second attempt is the point of the test: the Apex refusal reaches the page as a
 * failed request, which the browser logs.
 */
export const allowedErrors: AllowedErrors = {
  'a seller votes on an idea once; a second vote is refused with the clear message': [
    'the server responded with a status of 500'
  ]
};

export default suite;
