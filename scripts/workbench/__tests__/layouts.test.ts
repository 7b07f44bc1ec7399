import { galleryContextOf, HOME_COMPONENTS, HOME_REGIONS } from '../pages';
import { listViewsOf, pageLayoutOf, relatedListColumnsOf } from '../server/layouts';
import { describeObject, objectInfoForUser, type ObjectPermissions } from '../server/objectInfo';
import { formatField } from '../ui/lwc/wb/recordPage/fieldFormat';
import { readTranslations } from '../../../apex-runtime/src/metadata/translations';
import { SOURCE_DIR } from '../paths';

describe('pageLayoutOf', () => {
  it('follows the package layout of a custom object: its sections in order, blank fields kept', () => {
    const layout = pageLayoutOf(describeObject('Strategy_Version__c')!);
    expect(layout.sections.map((section) => section.label)).toEqual([
      'Information',
      'Strategy Content',
      'KPI Targets'
    ]);
    expect(layout.sections[0].columns[0]).toEqual([
      'Name',
      'Version_Number__c',
      'Status__c',
      'Previous_Version__c'
    ]);
  });

  it('stands in the standard layout for Opportunity, with the package fields in a section', () => {
    const layout = pageLayoutOf(describeObject('Opportunity')!);
    expect(layout.sections.map((section) => section.label)).toEqual([
      'Opportunity Information',
      'Sales Strategy',
      'Description Information',
      'System Information'
    ]);
    expect(layout.sections[1].columns.flat()).toContain('Days_In_Stage__c');
    expect(layout.sections.flatMap((section) => section.columns.flat())).not.toContain(
      'SSM_External_Id__c'
    );
  });
});

describe('pageLayoutOf in another language', () => {
  const translations = readTranslations(SOURCE_DIR);

  it('names a package layout’s sections as the layout’s translation does', () => {
    const layout = pageLayoutOf(describeObject('Strategy_Version__c')!, undefined, {
      translation: translations.object('da', 'Strategy_Version__c'),
      packageSection: 'Salgsstrategi'
    });
    const english = pageLayoutOf(describeObject('Strategy_Version__c')!);
    expect(layout.sections.map((section) => section.label)).not.toEqual(
      english.sections.map((section) => section.label)
    );
    expect(layout.sections.map((section) => section.columns)).toEqual(
      english.sections.map((section) => section.columns)
    );
  });

  it('heads the package fields of a standard object with the app’s name in the language', () => {
    const layout = pageLayoutOf(describeObject('Opportunity')!, undefined, {
      packageSection: 'Salgsstrategi'
    });
    expect(layout.sections[1].label).toBe('Salgsstrategi');
  });
});

describe('relatedListColumnsOf', () => {
  it('reads a related list’s columns from the parent’s package layout, NAME as Name', () => {
    const columns = relatedListColumnsOf(
      describeObject('Account_Plan__c')!,
      describeObject('Account_Plan_Objective__c')!,
      {
        relationshipName: 'Objectives__r',
        childObject: 'Account_Plan_Objective__c',
        field: 'Account_Plan__c'
      }
    );
    expect(columns).toEqual(['Name', 'Status__c', 'Due_Date__c', 'Progress__c']);
  });

  it('shows a related list the layout leaves out by the child’s name, never the lookup', () => {
    const columns = relatedListColumnsOf(
      describeObject('Opportunity')!,
      describeObject('Coaching_Session__c')!,
      {
        relationshipName: 'Coaching_Sessions__r',
        childObject: 'Coaching_Session__c',
        field: 'Opportunity__c'
      }
    );
    expect(columns).toEqual(['Name']);
  });
});

describe('listViewsOf', () => {
  it('reads the list views of a custom object from its metadata', () => {
    const [all] = listViewsOf(describeObject('Strategy_Version__c')!);
    expect(all).toMatchObject({ name: 'All', label: 'All' });
    expect(all.columns.slice(0, 3)).toEqual(['Name', 'Version_Number__c', 'Status__c']);
  });

  it('gives Opportunity the standard All view with the data-quality score column', () => {
    const [all] = listViewsOf(describeObject('Opportunity')!);
    expect(all.label).toBe('All Opportunities');
    expect(all.columns).toContain('Data_Quality_Score__c');
    expect(all.sortBy).toBe('Data_Quality_Score__c');
  });
});

describe('objectInfoForUser', () => {
  const readOnly: ObjectPermissions = {
    canCreate: () => false,
    canEdit: () => false,
    canDelete: () => false,
    fieldReadable: (_object, field) => field !== 'Amount',
    fieldEditable: () => true
  };

  it('answers what the user may do, and leaves out the fields they may not read', () => {
    const info = objectInfoForUser(describeObject('Opportunity')!, readOnly);
    expect(info).toMatchObject({ createable: false, updateable: false, deletable: false });
    expect(info.fields.Amount).toBeUndefined();
    expect(info.fields.NextStep.updateable).toBe(false);
  });
});

describe('formatField', () => {
  const format = { locale: 'en-US', timeZone: 'Europe/Copenhagen', currency: 'USD' };
  const none = new Set<string>();
  const cell = (value: unknown) => ({ value, displayValue: null });

  it('formats amounts, percentages, dates and date-times for the user', () => {
    const field = (dataType: string) => ({ apiName: 'F', label: 'F', dataType });
    expect(formatField(field('Currency'), cell(129000), format, none).text).toBe('$129,000.00');
    expect(formatField(field('Percent'), cell(30), format, none).text).toBe('30%');
    expect(formatField(field('Date'), cell('2026-11-05'), format, none).text).toBe('Nov 5, 2026');
    expect(
      formatField(field('DateTime'), cell('2025-12-15T10:00:00.000Z'), format, none).text
    ).toBe('Dec 15, 2025, 11:00 AM');
  });

  it('formats for a Danish user in a DKK org: kroner, Danish separators, Copenhagen time', () => {
    const danish = { locale: 'da-DK', timeZone: 'Europe/Copenhagen', currency: 'DKK' };
    const field = (dataType: string, scale?: number) => ({
      apiName: 'F',
      label: 'F',
      dataType,
      ...(scale === undefined ? {} : { scale })
    });
    // Intl writes a non-breaking space (U+00A0) before 'kr.' and '%', as Danish typesetting does.
    expect(formatField(field('Currency', 2), cell(129000), danish, none).text).toBe(
      '129.000,00\u00a0kr.'
    );
    expect(formatField(field('Currency', 0), cell(1234567), danish, none).text).toBe(
      '1.234.567\u00a0kr.'
    );
    expect(formatField(field('Percent', 2), cell(12.5), danish, none).text).toBe('12,5\u00a0%');
    expect(formatField(field('Double', 1), cell(1234.5), danish, none).text).toBe('1.234,5');
    expect(formatField(field('Date'), cell('2026-08-28'), danish, none).text).toBe('28. aug. 2026');
    expect(
      formatField(field('DateTime'), cell('2026-08-28T09:00:00.000Z'), danish, none).text
    ).toBe('28. aug. 2026, 11.00');
  });

  it('writes the org currency for a US-English user in a DKK org', () => {
    const usInDkk = { locale: 'en-US', timeZone: 'America/New_York', currency: 'DKK' };
    const amount = { apiName: 'Amount', label: 'Amount', dataType: 'Currency', scale: 0 };
    expect(formatField(amount, cell(1234567), usInDkk, none).text).toBe('DKK\u00a01,234,567');
  });

  it('shows an amount in its record’s currency when the record names one', () => {
    const danish = { locale: 'da-DK', timeZone: 'Europe/Copenhagen', currency: 'DKK' };
    const amount = { apiName: 'Amount', label: 'Amount', dataType: 'Currency', scale: 2 };
    expect(formatField(amount, cell(6700), danish, none, 'EUR').text).toBe('6.700,00\u00a0€');
    expect(formatField(amount, cell(6700), danish, none, null).text).toBe('6.700,00\u00a0kr.');
  });

  it('keeps the raw value to sort by, whatever the locale shows', () => {
    const danish = { locale: 'da-DK', timeZone: 'Europe/Copenhagen', currency: 'DKK' };
    const amount = { apiName: 'Amount', label: 'Amount', dataType: 'Currency' };
    expect(formatField(amount, cell(129000), danish, none).sortValue).toBe(129000);
  });

  it('shows a checkbox as one, a blank field blank, and rich text for the rich-text renderer', () => {
    const checkbox = { apiName: 'B', label: 'B', dataType: 'Boolean' };
    expect(formatField(checkbox, cell(true), format, none)).toMatchObject({
      isCheckbox: true,
      checked: true
    });
    const text = { apiName: 'T', label: 'T', dataType: 'String' };
    expect(formatField(text, cell(null), format, none).text).toBe('');
    const rich = { apiName: 'R', label: 'R', dataType: 'TextArea', htmlFormatted: true };
    expect(
      formatField(rich, cell('<p>One.</p><ul><li>Two.</li></ul>'), format, none)
    ).toMatchObject({
      isRichText: true,
      html: '<p>One.</p><ul><li>Two.</li></ul>',
      text: 'One. Two.'
    });
  });

  it('links a lookup to the related record page when the workbench has one', () => {
    const lookup = {
      apiName: 'AccountId',
      label: 'Account',
      dataType: 'Reference',
      referenceTo: 'Account'
    };
    const formatted = formatField(
      lookup,
      { value: '001000000000002AAA', displayValue: 'Beacon Software Inc.' },
      format,
      new Set(['Account'])
    );
    expect(formatted).toMatchObject({
      text: 'Beacon Software Inc.',
      href: '#/Account/001000000000002AAA'
    });
  });
});

describe('the pages', () => {
  it('lays Home out in a main column and a sidebar', () => {
    expect(HOME_REGIONS.main).toEqual(['strategyBrief']);
    expect(HOME_COMPONENTS).toEqual([...HOME_REGIONS.main, ...HOME_REGIONS.sidebar]);
  });

  it('opens each component in the gallery where its page places it', () => {
    expect(galleryContextOf('accountPlan')).toEqual({
      kind: 'record',
      objects: ['Account', 'Account_Plan__c']
    });
    expect(galleryContextOf('compensationAlignment')).toEqual({
      kind: 'record',
      objects: ['Compensation_Plan__c']
    });
    expect(galleryContextOf('strategyAdoption')).toEqual({
      kind: 'record',
      objects: ['Strategy_Version__c']
    });
    expect(galleryContextOf('strategyPublishAction')).toMatchObject({
      kind: 'action',
      objects: ['Strategy_Version__c']
    });
    expect(galleryContextOf('kpiTiles')).toEqual({ kind: 'part', parent: 'pipelineKpis' });
    expect(galleryContextOf('teamDevelopment')).toEqual({ kind: 'page' });
  });
});
