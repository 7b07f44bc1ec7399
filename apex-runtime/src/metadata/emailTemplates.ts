/**
 * Classic email templates (Metadata API Developer Guide, "EmailTemplate",
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_emailtemplate.htm):
 * `email/<Folder>/<Name>.email` holds the content (the text body of a `text` template, the HTML of
 * an `html` or `custom` one) beside `<Name>.email-meta.xml` (`available`, `encodingKey`, `name`,
 * `style`, `subject`, `type`, `uiType`, `description`, `textOnly`), and each folder but
 * `unfiled$public` has its `email/<Folder>.emailFolder-meta.xml` (metadata type EmailFolder:
 * `name`, `accessType`), as the source format keeps folders. The org shows them as EmailTemplate
 * and Folder rows (platform/setupRows.ts).
 *
 * Only classic templates run offline: a `visualforce` template, one made in Lightning (`uiType`
 * SFX or SFX_Sample), or one with a letterhead, attachments or attached documents is refused at
 * load time as not supported offline, never loaded half-understood.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readMetadataFile, text } from './metadataXml';

/** The folder a template in no folder of its own lives in (Metadata API: `unfiled$public`). */
export const UNFILED_PUBLIC = 'unfiled$public';

export type EmailTemplateType = 'text' | 'html' | 'custom';

export interface EmailFolderSource {
  developerName: string;
  name: string;
  accessType: string;
}

export interface EmailTemplateSource {
  developerName: string;
  /** The folder's developer name (`unfiled$public` for none). */
  folder: string;
  name: string;
  subject: string | null;
  type: EmailTemplateType;
  style: string;
  encodingKey: string;
  available: boolean;
  description?: string;
  /** The `.email` file: the text body (`text`) or the HTML (`html`, `custom`). */
  content: string;
  /** The text version of an `html` or `custom` template (`textOnly`). */
  textOnly?: string;
  path: string;
}

export interface EmailTemplateSources {
  folders: readonly EmailFolderSource[];
  templates: readonly EmailTemplateSource[];
}

const TEMPLATE_SUFFIX = '.email-meta.xml';
const FOLDER_SUFFIX = '.emailFolder-meta.xml';
const TEMPLATE_TYPES: readonly string[] = ['text', 'html', 'custom'];

function required(value: string | undefined, field: string, path: string): string {
  if (value === undefined || value === '') {
    throw new Error(`${path}: the EmailTemplate has no <${field}> (required)`);
  }
  return value;
}

function readTemplate(folder: string, dir: string, file: string): EmailTemplateSource {
  const developerName = file.slice(0, -TEMPLATE_SUFFIX.length);
  const path = join(dir, file);
  const meta = readMetadataFile(path, 'EmailTemplate');
  const type = required(text(meta, 'type'), 'type', path);
  if (type === 'visualforce') {
    throw new Error(`not supported offline: Visualforce email templates (${path})`);
  }
  if (!TEMPLATE_TYPES.includes(type)) {
    throw new Error(`${path}: <type>${type}</type> is not text, html, custom or visualforce`);
  }
  const uiType = text(meta, 'uiType') ?? 'Aloha';
  if (uiType !== 'Aloha') {
    throw new Error(`not supported offline: Lightning email templates (uiType ${uiType}, ${path})`);
  }
  for (const [element, what] of [
    ['letterhead', 'letterheads'],
    ['attachments', 'attachments'],
    ['attachedDocuments', 'attached documents']
  ]) {
    if (meta[element] !== undefined) {
      throw new Error(`not supported offline: email template ${what} (${path})`);
    }
  }
  const contentFile = join(dir, `${developerName}.email`);
  if (!existsSync(contentFile)) {
    throw new Error(`${path}: the template's content file ${developerName}.email is missing`);
  }
  return {
    developerName,
    folder,
    name: required(text(meta, 'name'), 'name', path),
    subject: text(meta, 'subject') ?? null,
    type: type as EmailTemplateType,
    style: required(text(meta, 'style'), 'style', path),
    encodingKey: required(text(meta, 'encodingKey'), 'encodingKey', path),
    available: required(text(meta, 'available'), 'available', path) === 'true',
    description: text(meta, 'description'),
    content: readFileSync(contentFile, 'utf8'),
    textOnly: text(meta, 'textOnly'),
    path
  };
}

/** The folders and templates of an `email/` source folder (none when it does not exist). */
export function readEmailTemplates(dir: string): EmailTemplateSources {
  if (!existsSync(dir)) return { folders: [], templates: [] };
  const entries = readdirSync(dir).sort();
  const folders: EmailFolderSource[] = [];
  const templates: EmailTemplateSource[] = [];
  for (const entry of entries) {
    const folderDir = join(dir, entry);
    if (!statSync(folderDir).isDirectory()) continue;
    if (entry !== UNFILED_PUBLIC) {
      const folderMeta = join(dir, `${entry}${FOLDER_SUFFIX}`);
      if (!existsSync(folderMeta)) {
        throw new Error(`${folderDir}: the email folder has no ${entry}${FOLDER_SUFFIX}`);
      }
      const meta = readMetadataFile(folderMeta, 'EmailFolder');
      folders.push({
        developerName: entry,
        name: required(text(meta, 'name'), 'name', folderMeta),
        accessType: text(meta, 'accessType') ?? 'Public'
      });
    }
    for (const file of readdirSync(folderDir).sort()) {
      if (file.endsWith(TEMPLATE_SUFFIX)) templates.push(readTemplate(entry, folderDir, file));
    }
  }
  return { folders, templates };
}
