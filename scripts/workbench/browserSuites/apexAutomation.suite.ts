/**
 * The package's automation as users meet it in the browser, run by the Apex runtime: a coaching
 * session a manager logs reaches the seller through the Coached_Seller share the trigger writes;
 * a leader's decision on an idea reaches its submitter's notification bell (keyboard included);
 * an inline edit in the pipeline review that fixes a gap re-stamps the deal's score through the
 * Opportunity trigger; the Admin page runs the nightly guidance job and reports it completed.
 */
import type { Locator, Page } from 'playwright-core';
import { formatLabel } from '../../../force-app/main/default/lwc/labelFormat/labelFormat';
import { loadCustomLabels } from '../labels';
import type { RunningWorkbench } from '../workbench';
import {
  actAs,
  apexAnswer,
  AssertionError,
  expect,
  sampleUser,
  TIMEOUT_MS,
  type BrowserSuite,
  type TestContext,
  readerDate
} from './harness';

const SELLER = 'seller1';
const MANAGER = 'manager1';

const LABELS = loadCustomLabels();

/** A custom label of the package, its {0}, {1}... filled in. */
function label(name: string, ...args: (string | number)[]): string {
  const value = LABELS.get(name)?.value;
  if (value === undefined) throw new AssertionError(`no custom label ${name}`);
  return formatLabel(value, ...args);
}

/** The sharing reason's row cause (sharingReasons/Coached_Seller). */
const COACHED_SELLER = 'Coached_Seller__c';
/** The rule the review's Next Step edit fixes; its only fix field is NextStep. */
const NEXT_STEP_RULE = 'Opp_Next_Step';

interface ReviewDeal {
  Id: string;
  OwnerId: string;
  IsClosed: boolean;
  CloseDate: string;
  NextStep?: string | null;
}

/** The deals of the manager's review as its first page loads them, in the order Apex gives. */
function reviewDeals(running: RunningWorkbench): ReviewDeal[] {
  return apexAnswer<{ deals: ReviewDeal[] }>(
    running.workbench,
    MANAGER,
    'PipelineReviewController.getPipelineFacts'
  ).deals;
}

async function openReview(context: TestContext): Promise<void> {
  await actAs(context, MANAGER);
  await context.page.goto(`${context.running.url}#/pipeline-review`);
  await context.page.reload();
  await context.page
    .locator('c-pipeline-review [data-tile="openPipeline"] [data-id="tile-value"]')
    .waitFor({ timeout: TIMEOUT_MS });
}

/** Picks a value in a lightning-combobox as a user does: opens it and clicks the option. */
async function choose(combobox: Locator, value: string): Promise<void> {
  await combobox.locator('button[role="combobox"]').click({ timeout: TIMEOUT_MS });
  await combobox
    .locator(`lightning-base-combobox-item[data-value="${value}"]`)
    .click({ timeout: TIMEOUT_MS });
}

async function isFocused(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => element.matches(':focus'));
}

async function toastText(page: Page): Promise<string> {
  return (await page.locator('[data-id="toast"]').textContent({ timeout: TIMEOUT_MS })) ?? '';
}

/** The notifications of a user that are unread, as the bell counts them. */
function unreadOf(running: RunningWorkbench, userId: string): number {
  return running.workbench
    .notificationsFor(userId)
    .filter((notification) => !notification.readBy.includes(userId)).length;
}

/** An idea the seller submitted, and a status a leader may move it to. */
function ideaOfSeller(running: RunningWorkbench): { id: string; name: string; status: string } {
  const { workbench } = running;
  const seller = sampleUser(workbench, SELLER);
  const idea = workbench.records('Improvement_Idea__c').find((row) => row.OwnerId === seller.id);
  if (!idea) throw new AssertionError(`${SELLER} submitted no sample idea`);
  const facts = apexAnswer<{ canDecide: boolean; statuses: { value: string }[] }>(
    workbench,
    MANAGER,
    'ImprovementIdeasController.getIdeas'
  );
  expect(facts.canDecide, `${MANAGER} may not decide on ideas`);
  const values = facts.statuses.map((option) => option.value);
  const next = values[(values.indexOf(String(idea.Status__c)) + 1) % values.length];
  return { id: idea.Id, name: String(idea.Name), status: next };
}

/** A leader changes the idea's status on the Improvement Ideas page; returns the bell's new title. */
async function decideAsLeader(
  context: TestContext,
  idea: { id: string; name: string; status: string }
): Promise<string> {
  const { page, running } = context;
  await actAs(context, MANAGER);
  await page.goto(`${running.url}#/improvement-ideas`);
  await page.reload();
  const item = page.locator(`c-improvement-ideas li[data-idea-id="${idea.id}"]`);
  await item.locator('button[data-action="decide"]').click({ timeout: TIMEOUT_MS });
  await choose(item.locator('lightning-combobox[data-field="status"]'), idea.status);
  await item
    .locator('lightning-textarea[data-field="note"] textarea')
    .fill('Piloted with two teams first; the rest follow in January.', { timeout: TIMEOUT_MS });
  await item.locator('form[data-form="decision"] button[type="submit"]').click();
  await item
    .locator('[data-id="status"]', { hasText: label('SSM_Ideas_Status', idea.status) })
    .waitFor({ timeout: TIMEOUT_MS });
  return label('SSM_Ideas_Notification_Title', idea.name, idea.status);
}

async function openHomeAs(context: TestContext, userKey: string): Promise<void> {
  await actAs(context, userKey);
  await context.page.goto(`${context.running.url}#/home`);
  await context.page.reload();
  await context.page.locator('[data-id="bell"]').waitFor({ timeout: TIMEOUT_MS });
}

const suite: BrowserSuite = {
  'a seller sees the coaching session their manager logged for them, through the trigger’s share':
    async (context) => {
      const { page, running } = context;
      const { workbench } = running;
      const seller = sampleUser(workbench, SELLER);
      const manager = sampleUser(workbench, MANAGER);
      const deal = reviewDeals(running).find(
        (candidate) => candidate.OwnerId === seller.id && !candidate.IsClosed
      );
      if (!deal) throw new AssertionError(`${MANAGER}'s review lists no open deal of ${SELLER}`);
      // A skill on the seller's profile with no session today, so the new line is this session.
      const profile = apexAnswer<{
        assessments: { Skill__c: string }[];
        coachingSessions: { Focus_Area__c: string; Session_Date__c: string }[];
      }>(workbench, SELLER, 'SkillProfileController.getSkillProfile', { sellerId: null });
      const skill = profile.assessments
        .map((assessment) => assessment.Skill__c)
        .find(
          (candidate) =>
            !profile.coachingSessions.some(
              (session) =>
                session.Focus_Area__c === candidate && session.Session_Date__c === workbench.today
            )
        );
      if (!skill) throw new AssertionError(`${SELLER} has a session today on every skill`);
      const before = new Set(workbench.records('Coaching_Session__c').map((row) => row.Id));

      try {
        await openReview(context);
        await page
          .locator(
            `c-pipeline-review lightning-button-icon[data-action="coach"][data-id="${deal.Id}"] button`
          )
          .click({ timeout: TIMEOUT_MS });
        await choose(
          page.locator('c-pipeline-review lightning-combobox[data-field="Focus_Area__c"]'),
          skill
        );
        await page
          .locator('c-pipeline-review lightning-textarea[data-field="Notes__c"] textarea')
          .fill('Practised the discovery questions for the renewal.', { timeout: TIMEOUT_MS });
        await page
          .locator('c-pipeline-review lightning-button[data-id="log-session"] button')
          .click({ timeout: TIMEOUT_MS });
        const toast = await toastText(page);
        expect(
          toast.includes(label('SSM_Review_Session_Logged')),
          `the review's toast says "${toast}"`
        );
        const logged = workbench
          .records('Coaching_Session__c')
          .filter((row) => !before.has(row.Id));
        expect(logged.length === 1, `${logged.length} sessions were created`);
        const session = logged[0];
        expect(
          session.Seller__c === seller.id &&
            session.OwnerId === manager.id &&
            session.Focus_Area__c === skill &&
            session.Session_Date__c === workbench.today,
          `the session is ${JSON.stringify(session)}`
        );
        // The session is private and owned by the manager above the seller: the seller reads it
        // only through the share CoachingSessionTrigger wrote.
        const shares = workbench
          .records('Coaching_Session__Share')
          .filter((share) => share.ParentId === session.Id && share.UserOrGroupId === seller.id);
        expect(
          shares.length === 1 && shares[0].RowCause === COACHED_SELLER,
          `the seller's shares of the session are ${JSON.stringify(shares)}`
        );

        await actAs(context, SELLER);
        await page.goto(`${running.url}#/home`);
        await page.reload();
        const line = page.locator(
          `c-skill-profile li[data-skill="${skill}"] [data-id="coaching"] li`,
          { hasText: label('SSM_Skills_Coaching_Session', readerDate(workbench.today)) }
        );
        await line.waitFor({ timeout: TIMEOUT_MS });
        expect(
          workbench.canSee(seller.id, session.Id),
          'sharing does not let the seller see the session'
        );
      } finally {
        await actAs(context, SELLER);
      }
    },

  'a leader’s status change on an idea rings its submitter’s bell, which works by keyboard': async (
    context
  ) => {
    const { page, running } = context;
    const { workbench } = running;
    const seller = sampleUser(workbench, SELLER);
    const idea = ideaOfSeller(running);
    const unreadBefore = unreadOf(running, seller.id);
    try {
      const title = await decideAsLeader(context, idea);
      const sent = workbench
        .notificationsFor(seller.id)
        .filter(
          (notification) => notification.targetId === idea.id && notification.title === title
        );
      expect(sent.length === 1, `${sent.length} notifications "${title}" reached ${SELLER}`);
      expect(
        workbench.byId(idea.id)?.Status__c === idea.status,
        `the stored status is ${String(workbench.byId(idea.id)?.Status__c)}`
      );

      await openHomeAs(context, SELLER);
      const bell = page.locator('[data-id="bell"]');
      const count = await page
        .locator('[data-id="unread-count"]')
        .textContent({ timeout: TIMEOUT_MS });
      expect(
        (count ?? '').trim() === String(unreadBefore + 1),
        `the bell counts "${count}" unread, not ${unreadBefore + 1}`
      );
      const spoken = await bell.textContent();
      expect(
        (spoken ?? '').includes(`${unreadBefore + 1} new notification`),
        `a screen reader hears "${spoken}"`
      );

      await bell.focus();
      await page.keyboard.press('Enter');
      const popover = page.locator('[data-id="notifications"]');
      await popover.waitFor({ timeout: TIMEOUT_MS });
      expect(
        (await bell.getAttribute('aria-expanded')) === 'true',
        'the open bell is not aria-expanded'
      );
      await popover
        .locator('[data-id="notification"]', { hasText: title })
        .waitFor({ timeout: TIMEOUT_MS });
      await page.keyboard.press('Escape');
      await popover.waitFor({ state: 'detached', timeout: TIMEOUT_MS });
      expect(await isFocused(bell), 'after Escape the focus is not on the bell');
      expect(
        (await bell.getAttribute('aria-expanded')) === 'false',
        'the closed bell is still aria-expanded'
      );
    } finally {
      await actAs(context, SELLER);
    }
  },

  'opening an idea’s notification from the bell goes to the idea and marks it read': async (
    context
  ) => {
    const { page, running } = context;
    const { workbench } = running;
    const seller = sampleUser(workbench, SELLER);
    const idea = ideaOfSeller(running);
    try {
      const title = await decideAsLeader(context, idea);
      const notification = workbench
        .notificationsFor(seller.id)
        .find((candidate) => candidate.targetId === idea.id && candidate.title === title);
      if (!notification) throw new AssertionError(`no notification "${title}" for ${SELLER}`);
      const unreadBefore = unreadOf(running, seller.id);

      await openHomeAs(context, SELLER);
      const bell = page.locator('[data-id="bell"]');
      await bell.focus();
      await page.keyboard.press('Enter');
      const item = page.locator('[data-id="notifications"] [data-id="notification"]', {
        hasText: title
      });
      await item.waitFor({ timeout: TIMEOUT_MS });
      const link = item.locator(`a[data-notification="${notification.id}"]`);
      expect(
        (await link.count()) === 1,
        `the notification "${title}" has no link to its idea (${idea.id}): it cannot be opened`
      );
      // From inside the popover, Escape still closes it and gives the focus back to the bell.
      await link.focus();
      await page.keyboard.press('Escape');
      await page
        .locator('[data-id="notifications"]')
        .waitFor({ state: 'detached', timeout: TIMEOUT_MS });
      expect(await isFocused(bell), 'after Escape from the list the focus is not on the bell');

      await page.keyboard.press('Enter');
      await link.focus({ timeout: TIMEOUT_MS });
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/#/Improvement_Idea__c/${idea.id}`, { timeout: TIMEOUT_MS });
      await page
        .locator('[data-id="record-name"]', { hasText: idea.name })
        .waitFor({ timeout: TIMEOUT_MS });
      const stored = workbench.notificationsFor(seller.id).find((n) => n.id === notification.id);
      expect(
        stored?.readBy.includes(seller.id) === true,
        'the opened notification is not stored as read'
      );
      const unreadAfter = unreadBefore - 1;
      const badge = page.locator('[data-id="unread-count"]');
      if (unreadAfter === 0) await badge.waitFor({ state: 'detached', timeout: TIMEOUT_MS });
      else
        await page
          .locator('[data-id="unread-count"]', { hasText: new RegExp(`^${unreadAfter}$`) })
          .waitFor({ timeout: TIMEOUT_MS });
      // Open again for the screenshot: the notification is listed as read.
      await bell.click();
      const reopened = page.locator('[data-id="notifications"] [data-id="notification"]', {
        hasText: title
      });
      await reopened.waitFor({ timeout: TIMEOUT_MS });
      expect(
        !/Unread/.test((await reopened.textContent()) ?? ''),
        'the opened notification is still marked Unread in the list'
      );
    } finally {
      await actAs(context, SELLER);
    }
  },

  'fixing a gap inline in the pipeline review re-stamps the deal’s score through the trigger':
    async (context) => {
      const { page, running } = context;
      const { workbench } = running;
      const seller = sampleUser(workbench, SELLER);
      const deals = reviewDeals(running);
      // Not the deal the pipeline suite pushes, nor a deal of the seller the record pages use.
      const pushed = deals.find((deal) => !deal.IsClosed && deal.CloseDate < '2026-12-15');
      const deal = deals.find((candidate) => {
        const stored = workbench.byId(candidate.Id);
        return (
          !candidate.IsClosed &&
          candidate !== pushed &&
          candidate.OwnerId !== seller.id &&
          !stored?.NextStep &&
          String(stored?.Data_Quality_Issues__c ?? '')
            .split(/\r?\n/)
            .includes(NEXT_STEP_RULE)
        );
      });
      if (!deal) throw new AssertionError(`${MANAGER}'s review has no deal with a Next Step gap`);
      const before = Number(workbench.byId(deal.Id)?.Data_Quality_Score__c);
      const row = page.locator(`c-pipeline-review tr[data-row="${deal.Id}"]`);
      try {
        await openReview(context);
        const shownBefore = await row
          .locator('[data-cell="score"]')
          .textContent({ timeout: TIMEOUT_MS });
        expect(
          shownBefore?.trim() === String(before),
          `the review shows ${shownBefore}, the stored score is ${before}`
        );
        await page
          .locator(
            `c-pipeline-review lightning-button-icon[data-action="edit"][data-id="${deal.Id}"] button`
          )
          .click({ timeout: TIMEOUT_MS });
        const input = row.locator('lightning-input[data-field="NextStep"] input');
        await input.fill('Proposal walkthrough with the CFO on 24 Nov', { timeout: TIMEOUT_MS });
        await input.press('Tab');
        await page
          .locator('c-pipeline-review lightning-button[data-id="save"] button')
          .click({ timeout: TIMEOUT_MS });
        const toast = await toastText(page);
        expect(toast.includes(label('SSM_Review_Saved')), `the review's toast says "${toast}"`);
        // The row shows the reloaded deal once it leaves edit mode with the new next step.
        await row
          .locator('[data-cell="nextStep"]', { hasText: 'Proposal walkthrough with the CFO' })
          .waitFor({ timeout: TIMEOUT_MS });

        const saved = workbench.byId(deal.Id);
        const after = Number(saved?.Data_Quality_Score__c);
        expect(after > before, `the stored score went from ${before} to ${after}, not up`);
        expect(
          !String(saved?.Data_Quality_Issues__c ?? '')
            .split(/\r?\n/)
            .includes(NEXT_STEP_RULE),
          `the stored issues still name ${NEXT_STEP_RULE}: ${String(saved?.Data_Quality_Issues__c)}`
        );
        const shownAfter = await row.locator('[data-cell="score"]').textContent();
        expect(
          shownAfter?.trim() === String(after),
          `the review shows ${shownAfter}, the stored score is ${after}`
        );
      } finally {
        await actAs(context, SELLER);
      }
    },

  'the Admin page runs the nightly guidance job and reports it completed': async (context) => {
    const { page, running } = context;
    const { workbench } = running;
    const director = sampleUser(workbench, 'director');
    const batchClass = workbench
      .records('ApexClass')
      .find((row) => row.Name === 'GuidanceRecalculationBatch');
    if (!batchClass) throw new AssertionError('the org has no GuidanceRecalculationBatch class');
    const before = new Set(workbench.records('AsyncApexJob').map((row) => row.Id));
    try {
      await actAs(context, 'director');
      await page.goto(`${running.url}#/admin`);
      await page.reload();
      await page
        .locator('wb-admin-page lightning-button[data-job="guidance"] button')
        .click({ timeout: TIMEOUT_MS });
      const status = page.locator('[data-id="job-status"]', { hasText: /completed|failed/ });
      const text = (await status.textContent({ timeout: TIMEOUT_MS }))?.trim();
      expect(
        text === 'Recalculate guidance (nightly): completed.',
        `the Admin page reports "${text}"`
      );
      // What Setup's Apex Jobs page lists: the batch, one job per object, run as the director.
      const jobs = workbench.records('AsyncApexJob').filter((row) => !before.has(row.Id));
      expect(
        jobs.length > 0 &&
          jobs.every(
            (job) =>
              job.ApexClassId === batchClass.Id &&
              job.JobType === 'BatchApex' &&
              job.Status === 'Completed' &&
              job.NumberOfErrors === 0 &&
              job.CreatedById === director.id
          ),
        `the new Apex jobs are ${JSON.stringify(jobs)}`
      );
      const buttons = page.locator('wb-admin-page lightning-button[data-job] button');
      expect(
        (
          await buttons.evaluateAll((all) =>
            all.filter((button) => button.hasAttribute('disabled'))
          )
        ).length === 0,
        'the job buttons stay disabled after the job'
      );
    } finally {
      await actAs(context, SELLER);
    }
  }
};

export default suite;
