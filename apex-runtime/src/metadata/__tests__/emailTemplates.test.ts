import { readEmailTemplates } from '../emailTemplates';
import { loadProject } from '../loadProject';
import { writeSourceTree, type SourceFiles } from './projectFixture';

const HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n';

function templateMeta(body: string): string {
  return `${HEADER}<EmailTemplate xmlns="http://soap.sforce.com/2006/04/metadata">${body}</EmailTemplate>`;
}

const TEXT_META =
  '<available>true</available><encodingKey>UTF-8</encodingKey><name>Weekly Digest</name>' +
  '<style>none</style><subject>Your week, {!Receiving_User.FirstName}</subject><type>text</type>' +
  '<uiType>Aloha</uiType>';

const FOLDER: SourceFiles = {
  'email/Digests.emailFolder-meta.xml': `${HEADER}<EmailFolder xmlns="http://soap.sforce.com/2006/04/metadata"><accessType>Public</accessType><name>Digests</name><publicFolderAccess>ReadWrite</publicFolderAccess></EmailFolder>`
};

describe('readEmailTemplates', () => {
  it('reads folders and each template with its content file', () => {
    const dir = writeSourceTree({
      ...FOLDER,
      'email/Digests/Weekly_Digest.email-meta.xml': templateMeta(TEXT_META),
      'email/Digests/Weekly_Digest.email': 'Hello {!Receiving_User.FirstName}',
      'email/unfiled$public/Note.email-meta.xml': templateMeta(
        '<available>false</available><encodingKey>ISO-8859-1</encodingKey><name>Note</name>' +
          '<style>freeForm</style><subject>Note</subject><textOnly>Plain</textOnly><type>html</type>'
      ),
      'email/unfiled$public/Note.email': '<p>Rich</p>'
    });
    const { folders, templates } = readEmailTemplates(`${dir}/email`);
    expect(folders).toEqual([{ developerName: 'Digests', name: 'Digests', accessType: 'Public' }]);
    expect(templates).toEqual([
      {
        developerName: 'Weekly_Digest',
        folder: 'Digests',
        name: 'Weekly Digest',
        subject: 'Your week, {!Receiving_User.FirstName}',
        type: 'text',
        style: 'none',
        encodingKey: 'UTF-8',
        available: true,
        description: undefined,
        content: 'Hello {!Receiving_User.FirstName}',
        textOnly: undefined,
        path: expect.stringMatching(/email\/Digests\/Weekly_Digest\.email-meta\.xml$/)
      },
      {
        developerName: 'Note',
        folder: 'unfiled$public',
        name: 'Note',
        subject: 'Note',
        type: 'html',
        style: 'freeForm',
        encodingKey: 'ISO-8859-1',
        available: false,
        description: undefined,
        content: '<p>Rich</p>',
        textOnly: 'Plain',
        path: expect.stringMatching(/email\/unfiled\$public\/Note\.email-meta\.xml$/)
      }
    ]);
  });

  it('reads nothing when the project has no email folder', () => {
    expect(readEmailTemplates(`${writeSourceTree({})}/email`)).toEqual({
      folders: [],
      templates: []
    });
  });

  it('refuses Visualforce and Lightning templates as not supported offline', () => {
    const visualforce = writeSourceTree({
      ...FOLDER,
      'email/Digests/Page.email-meta.xml': templateMeta(
        TEXT_META.replace('<type>text</type>', '<type>visualforce</type>')
      ),
      'email/Digests/Page.email': '<messaging:emailTemplate/>'
    });
    expect(() => readEmailTemplates(`${visualforce}/email`)).toThrow(
      /^not supported offline: Visualforce email templates/
    );
    const lightning = writeSourceTree({
      ...FOLDER,
      'email/Digests/Builder.email-meta.xml': templateMeta(
        TEXT_META.replace('<uiType>Aloha</uiType>', '<uiType>SFX</uiType>')
      ),
      'email/Digests/Builder.email': 'x'
    });
    expect(() => readEmailTemplates(`${lightning}/email`)).toThrow(
      /^not supported offline: Lightning email templates \(uiType SFX/
    );
    const letterhead = writeSourceTree({
      ...FOLDER,
      'email/Digests/Branded.email-meta.xml': templateMeta(
        TEXT_META + '<letterhead>Company_Letterhead</letterhead>'
      ),
      'email/Digests/Branded.email': 'x'
    });
    expect(() => readEmailTemplates(`${letterhead}/email`)).toThrow(
      /^not supported offline: email template letterheads/
    );
  });

  it('refuses a template without a required field, its content file or its folder file', () => {
    const noName = writeSourceTree({
      ...FOLDER,
      'email/Digests/A.email-meta.xml': templateMeta(
        TEXT_META.replace('<name>Weekly Digest</name>', '')
      ),
      'email/Digests/A.email': 'x'
    });
    expect(() => readEmailTemplates(`${noName}/email`)).toThrow(
      'the EmailTemplate has no <name> (required)'
    );
    const noContent = writeSourceTree({
      ...FOLDER,
      'email/Digests/A.email-meta.xml': templateMeta(TEXT_META)
    });
    expect(() => readEmailTemplates(`${noContent}/email`)).toThrow(
      "the template's content file A.email is missing"
    );
    const noFolder = writeSourceTree({
      'email/Digests/A.email-meta.xml': templateMeta(TEXT_META),
      'email/Digests/A.email': 'x'
    });
    expect(() => readEmailTemplates(`${noFolder}/email`)).toThrow(
      'the email folder has no Digests.emailFolder-meta.xml'
    );
    const badType = writeSourceTree({
      ...FOLDER,
      'email/Digests/A.email-meta.xml': templateMeta(
        TEXT_META.replace('<type>text</type>', '<type>plain</type>')
      ),
      'email/Digests/A.email': 'x'
    });
    expect(() => readEmailTemplates(`${badType}/email`)).toThrow(
      '<type>plain</type> is not text, html, custom or visualforce'
    );
  });

  it('is part of what loadProject reads', () => {
    const dir = writeSourceTree({
      ...FOLDER,
      'email/Digests/Weekly_Digest.email-meta.xml': templateMeta(TEXT_META),
      'email/Digests/Weekly_Digest.email': 'Hello'
    });
    expect(loadProject(dir).emailTemplates.templates.map((t) => t.developerName)).toEqual([
      'Weekly_Digest'
    ]);
  });
});
