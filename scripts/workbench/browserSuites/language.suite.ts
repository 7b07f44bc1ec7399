/**
 * The workbench in the user's language (issue 20): acting as a Danish seller, the pages a seller
 * works on show no English word of ours (no custom label, field, object or picklist label of the
 * package, and none of the workbench's own chrome, in its English text) and no label key, and
 * amounts read as Danes write them ("1.234.567 kr."); the English-speaking user reads English.
 * The suite keeps the sample's own languages: Danish users, one English-speaking seller.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { SCREENSHOTS_DIR } from '../paths';
import type { RunningWorkbench } from '../workbench';
import { ENGLISH_SPEAKING_USER } from '../../sample/users';
import { CHROME_TEXTS, type ChromeText } from '../ui/lwc/wb/chromeText/chromeText';
import { loadCustomLabels } from '../labels';
import {
  actAs,
  AssertionError,
  expect,
  sampleUser,
  TIMEOUT_MS,
  type BrowserSuite
} from './harness';

export const keepsSampleLanguages = true;

const DANISH_SELLER = 'seller1';
/** The seller's manager: Pipeline Review and Team Development are the manager's pages. */
const DANISH_MANAGER = 'manager1';
/** A label key that reached the page untranslated: `SSM_X`, `c.SSM_X`, `$Label.X`. */
const LABEL_KEY = /\bSSM_[A-Z][A-Za-z0-9_]*\b|\$Label\.[A-Za-z]/;
/** An amount in Danish: thousands with a dot, then "kr." (Intl puts a no-break space before). */
const DANISH_AMOUNT = /\d{1,3}(?:\.\d{3})+(?:,\d{2})?\u00a0kr\./;
/** A fragment of a longer English text of ours is searched for only when it is this long. */
const FRAGMENT_WORDS = 3;

/** The texts of the chrome catalogue that are plain strings (sentences are checked by words). */
function chromeStrings(text: ChromeText): string[] {
  return Object.values(text).flatMap((value) =>
    typeof value === 'string'
      ? [value]
      : typeof value === 'object'
        ? Object.values(value as Record<string, string>)
        : []
  );
}

interface EnglishOfOurs {
  /** Whole texts (a button, a heading, a field label) that only English has. */
  whole: Set<string>;
  /** Fragments of longer English texts (between placeholders), three words or more. */
  fragments: string[];
  /** Picklist labels of two words or more, looked for inside a text ("Status: Under Review"). */
  phrases: string[];
}

/**
 * Everything of ours whose English differs from its Danish: custom labels, the package's object,
 * field and picklist labels, and the workbench chrome. A text that is also Danish somewhere
 * (a term the glossary keeps, "Pipeline", "Status") is no sign of English.
 */
function englishOfOurs(running: RunningWorkbench): EnglishOfOurs {
  const pairs: [string, string][] = [];
  const picklistPairs: [string, string][] = [];
  for (const texts of loadCustomLabels().values()) {
    const danish = texts.translations.da;
    if (danish !== undefined) pairs.push([texts.value, danish]);
  }
  const { schema, translations } = running.workbench.org.project;
  for (const object of schema.objects.values()) {
    const translation = translations.object('da', object.name);
    if (!translation) continue;
    if (translation.label) pairs.push([object.label, translation.label]);
    if (translation.labelPlural) pairs.push([object.labelPlural, translation.labelPlural]);
    for (const [fieldName, field] of translation.fields) {
      const own = schema.field(object.name, fieldName);
      if (!own) continue;
      if (field.label) pairs.push([own.label, field.label]);
      for (const [master, danish] of field.picklistValues) picklistPairs.push([master, danish]);
    }
  }
  const english = chromeStrings(CHROME_TEXTS.en_US);
  const danishChrome = chromeStrings(CHROME_TEXTS.da);
  english.forEach((text, index) => pairs.push([text, danishChrome[index]]));
  pairs.push(...picklistPairs);
  const danishTexts = new Set(pairs.map(([, danish]) => danish.trim()));
  const onlyEnglish = pairs
    .map(([englishText]) => englishText.trim())
    .filter((text, index) => text !== pairs[index][1].trim() && !danishTexts.has(text));
  const englishOnly = new Set(onlyEnglish);
  return {
    phrases: [
      ...new Set(
        picklistPairs
          .map(([englishText]) => englishText.trim())
          .filter((text) => englishOnly.has(text) && text.split(/\s+/).length >= 2)
      )
    ],
    whole: englishOnly,
    fragments: [
      ...new Set(
        onlyEnglish.flatMap((text) =>
          text
            .split(/\{\d+\}/)
            .map((fragment) => fragment.trim().replace(/[.:,;]$/, ''))
            .filter((fragment) => fragment.split(/\s+/).length >= FRAGMENT_WORDS)
            .filter((fragment) => ![...danishTexts].some((danish) => danish.includes(fragment)))
        )
      )
    ]
  };
}

interface PlatformTexts {
  /** Standard objects' names and standard fields' labels. */
  names: Set<string>;
  /** Standard picklist values' labels (stages, forecast categories, lead sources). */
  values: Set<string>;
}

/**
 * Salesforce's own words, which the offline runtime has in English only: a Danish org shows
 * Salesforce's Danish there. They are not the package's: standard names drawn by the workbench
 * (its record pages and navigation) and standard picklist labels anywhere (a component shows a
 * stage by its label, which the platform translates) are no finding. A component's own column
 * heading that happens to read "Stage" still is.
 */
function platformTexts(running: RunningWorkbench): PlatformTexts {
  const names = new Set<string>();
  const values = new Set<string>();
  const { schema } = running.workbench.org.project;
  for (const object of schema.objects.values()) {
    if (object.custom) continue;
    names.add(object.label);
    names.add(object.labelPlural);
    const info = running.workbench.describe(object.name);
    for (const [name, field] of Object.entries(info?.fields ?? {})) {
      if (name.endsWith('__c')) continue;
      names.add(field.label);
      for (const value of field.picklistValues ?? []) values.add(value.label);
    }
  }
  return { names, values };
}

/** The page once its components have loaded: no spinner left, the network quiet. */
async function settled(page: Page): Promise<void> {
  await page.locator('[data-id="app-name"]').waitFor({ timeout: TIMEOUT_MS });
  await page.waitForLoadState('networkidle', { timeout: TIMEOUT_MS });
  await page
    .locator('lightning-spinner')
    .first()
    .waitFor({ state: 'detached', timeout: TIMEOUT_MS })
    .catch(() => undefined);
}

interface Piece {
  text: string;
  /** The component the text is in (`c-account-plan`, `wb-record-page`), for the finding. */
  where: string;
}

/** What the user sees and hears: the text of the page and the texts of its labelled attributes. */
async function visibleTexts(page: Page): Promise<{ text: string; pieces: Piece[] }> {
  // No named functions inside: the test runner's transpiler would wrap them in a helper the
  // page does not have.
  return page.evaluate(() => {
    const found: [Element, string][] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const value = node.textContent?.trim();
      if (!value || !parent || parent.closest('script, style')) continue;
      const style = window.getComputedStyle(parent);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      found.push([parent, value]);
    }
    for (const element of Array.from(
      document.querySelectorAll('[placeholder], [title], [aria-label], [alt]')
    )) {
      for (const name of ['placeholder', 'title', 'aria-label', 'alt']) {
        const value = element.getAttribute(name)?.trim();
        if (value) found.push([element, value]);
      }
    }
    const pieces = found.map(([element, text]) => {
      let where = 'page';
      for (
        let current: Element | null = element;
        current;
        // Up through shadow roots too: a component's template sits in its own.
        current = current.parentElement ?? ((current.getRootNode() as ShadowRoot).host || null)
      ) {
        const tag = current.tagName.toLowerCase();
        if (tag.startsWith('c-') || tag.startsWith('wb-')) {
          where = tag;
          break;
        }
      }
      return { text, where };
    });
    return { text: document.body.innerText, pieces };
  });
}

/** The English words of ours a page shows, and the label keys, as readable findings. */
function englishOn(
  page: { text: string; pieces: Piece[] },
  ours: EnglishOfOurs,
  platform: PlatformTexts
): string[] {
  const findings = new Set<string>();
  for (const piece of page.pieces) {
    const drawnByWorkbench = piece.where === 'page' || piece.where.startsWith('wb-');
    const platformWord =
      platform.values.has(piece.text) || (drawnByWorkbench && platform.names.has(piece.text));
    if (ours.whole.has(piece.text) && !platformWord) {
      findings.add(`"${piece.text}" (${piece.where})`);
    }
    const key = LABEL_KEY.exec(piece.text);
    if (key) findings.add(`label key ${key[0]} (${piece.where})`);
  }
  for (const piece of page.pieces) {
    const phrase = ours.phrases.find(
      (candidate) =>
        piece.text.includes(candidate) &&
        // A standard value that holds the words ("Id. Decision Makers", a stage) is Salesforce's.
        ![...platform.values].some(
          (value) => value.includes(candidate) && piece.text.includes(value)
        )
    );
    if (phrase && piece.text !== phrase)
      findings.add(`"${phrase}" in "${piece.text}" (${piece.where})`);
  }
  for (const fragment of ours.fragments) {
    if (page.text.includes(fragment)) findings.add(`"${fragment}" (in a longer text)`);
  }
  return [...findings];
}

/** A deal and an account the Danish seller owns. */
function sellersRecords(running: RunningWorkbench): { deal: string; account: string } {
  const { workbench } = running;
  const seller = sampleUser(workbench, DANISH_SELLER);
  const deal = workbench
    .records('Opportunity')
    .find((record) => record.OwnerId === seller.id && record.IsClosed !== true);
  const account = workbench.records('Account').find((record) => record.OwnerId === seller.id);
  if (!deal || !account) throw new AssertionError('the Danish seller owns no open deal or account');
  return { deal: deal.Id, account: account.Id };
}

const suite: BrowserSuite = {
  'a Danish seller and their manager read every page in Danish, amounts as 1.234.567 kr.': async (
    context
  ) => {
    const { page, running } = context;
    const ours = englishOfOurs(running);
    const platform = platformTexts(running);
    expect(ours.whole.size > 100, `only ${ours.whole.size} English texts of ours to look for`);
    const { deal, account } = sellersRecords(running);
    const pages = [
      ['Home', DANISH_SELLER, '#/home'],
      ['Opportunity', DANISH_SELLER, `#/Opportunity/${deal}`],
      ['Account', DANISH_SELLER, `#/Account/${account}`],
      ['Improvement Ideas', DANISH_SELLER, '#/improvement-ideas'],
      ['Pipeline Review', DANISH_MANAGER, '#/pipeline-review'],
      ['Team Development', DANISH_MANAGER, '#/team-development']
    ];
    const problems: string[] = [];
    const amounts: string[] = [];
    for (const [name, userKey, hash] of pages) {
      await actAs(context, userKey);
      await page.goto(`${running.url}${hash}`);
      await page.reload();
      await settled(page);
      const shown = await visibleTexts(page);
      const english = englishOn(shown, ours, platform);
      if (english.length > 0) problems.push(`${name}: ${english.slice(0, 12).join(', ')}`);
      if (/\bDKK\b|\$\s?\d/.test(shown.text)) problems.push(`${name}: an amount not in kroner`);
      const amount = DANISH_AMOUNT.exec(shown.text);
      if (amount) amounts.push(`${name}: ${amount[0]}`);
      await page.screenshot({
        path: join(SCREENSHOTS_DIR, `danish-${name.toLowerCase().replace(/ /g, '-')}.png`),
        fullPage: true
      });
    }
    expect(problems.length === 0, `English of ours on Danish pages: ${problems.join(' | ')}`);
    expect(
      amounts.some((entry) => entry.startsWith('Home')) &&
        amounts.some((entry) => entry.startsWith('Opportunity')),
      `no Danish amount ("1.234.567 kr.") on Home and the Opportunity page: ${amounts.join('; ')}`
    );
  },

  'the English-speaking seller reads the same pages in English': async (context) => {
    const { page, running } = context;
    await actAs(context, ENGLISH_SPEAKING_USER);
    await page.goto(`${running.url}#/home`);
    await page.reload();
    await settled(page);
    const shown = await visibleTexts(page);
    const english = CHROME_TEXTS.en_US;
    const danish = CHROME_TEXTS.da;
    for (const expected of ['Sales Strategy', english.home, english.actAs, english.offlineBadge]) {
      expect(
        shown.pieces.some((piece) => piece.text === expected),
        `the English Home page does not show "${expected}"`
      );
    }
    for (const unexpected of ['Salgsstrategi', danish.home, danish.actAs, danish.offlineBadge]) {
      expect(
        !shown.pieces.some((piece) => piece.text === unexpected),
        `the English Home page shows "${unexpected}"`
      );
    }
    expect(/DKK\u00a0?\d/.test(shown.text), 'the English user sees no amount as DKK 1,234');
  }
};

export default suite;
