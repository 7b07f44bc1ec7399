/**
 * The form factors each package component declares, read from its `.js-meta.xml`
 * (`targetConfig targets="lightning__RecordPage"` > `supportedFormFactors`), for the workbench to
 * leave out of a page what the platform would not render there (wb/pageComponents/formFactors).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import {
  PAGE_TYPES,
  type FormFactor,
  type PageType,
  type SupportedFormFactors
} from './ui/lwc/wb/pageComponents/formFactors';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (name) => ['targetConfig', 'supportedFormFactor'].includes(name)
});

interface TargetConfig {
  '@targets'?: string;
  supportedFormFactors?: { supportedFormFactor?: { '@type'?: string }[] } | '';
}

interface Bundle {
  LightningComponentBundle?: { targetConfigs?: { targetConfig?: TargetConfig[] } };
}

/** The form factors a component declares, by page type; page types it leaves open are absent. */
export function declaredFormFactors(lwcDir: string, name: string): SupportedFormFactors {
  const file = join(lwcDir, name, `${name}.js-meta.xml`);
  if (!existsSync(file)) return {};
  const bundle = (parser.parse(readFileSync(file, 'utf8')) as Bundle).LightningComponentBundle;
  const declared: SupportedFormFactors = {};
  for (const config of bundle?.targetConfigs?.targetConfig ?? []) {
    if (config.supportedFormFactors === undefined) continue;
    const factors = (config.supportedFormFactors || {}).supportedFormFactor ?? [];
    const types = factors
      .map((factor) => factor['@type'])
      .filter((type): type is FormFactor => type === 'Small' || type === 'Large');
    for (const target of (config['@targets'] ?? '').split(',')) {
      const pageType = target.trim().replace(/^lightning__/, '') as PageType;
      if (PAGE_TYPES.includes(pageType)) declared[pageType] = types;
    }
  }
  return declared;
}
