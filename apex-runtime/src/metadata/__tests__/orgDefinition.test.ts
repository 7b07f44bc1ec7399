import { join } from 'node:path';
import { DEFAULT_ORG_DEFINITION, readOrgDefinition } from '../orgDefinition';
import { writeSourceTree } from './projectFixture';

describe('readOrgDefinition', () => {
  it('reads name, edition and fiscal year settings from the project`s scratch org definition', () => {
    const root = writeSourceTree({
      'sfdx-project.json': '{"packageDirectories":[{"path":"force-app"}]}',
      'config/project-scratch-def.json': JSON.stringify({
        orgName: 'Acme',
        edition: 'Enterprise',
        settings: {
          fiscalYearSettings: { startMonth: 'April', fiscalYearNameBasedOn: 'startingMonth' }
        }
      }),
      'force-app/main/default/objects/.keep': ''
    });
    expect(readOrgDefinition(join(root, 'force-app', 'main', 'default'))).toEqual({
      name: 'Acme',
      organizationType: 'Enterprise Edition',
      language: 'en_US',
      country: 'US',
      currencyIsoCode: 'USD',
      fiscalYearStartMonth: 4,
      usesStartDateAsFiscalYearName: true,
      multiCurrency: false,
      advancedCurrencyManagement: false,
      currencies: [],
      datedRates: []
    });
  });

  it('gives an org the currency of the country its definition names', () => {
    const root = writeSourceTree({
      'sfdx-project.json': '{"packageDirectories":[{"path":"force-app"}]}',
      'config/project-scratch-def.json': JSON.stringify({ edition: 'Developer', country: 'DK' }),
      'force-app/main/default/objects/.keep': ''
    });
    expect(readOrgDefinition(join(root, 'force-app', 'main', 'default'))).toMatchObject({
      country: 'DK',
      currencyIsoCode: 'DKK'
    });
  });

  it('refuses a country whose currency it does not know, naming the file and the country', () => {
    const root = writeSourceTree({
      'sfdx-project.json': '{"packageDirectories":[{"path":"force-app"}]}',
      'config/project-scratch-def.json': JSON.stringify({ country: 'JP' }),
      'force-app/main/default/objects/.keep': ''
    });
    expect(() => readOrgDefinition(join(root, 'force-app', 'main', 'default'))).toThrow(
      /project-scratch-def\.json: country JP is not one/
    );
  });

  it('keeps a new org`s defaults when the project has no scratch org definition', () => {
    const root = writeSourceTree({ 'objects/.keep': '' });
    expect(readOrgDefinition(root)).toEqual(DEFAULT_ORG_DEFINITION);
  });
});
