/**
 * `npm run check:tab-motifs [projectRoot]`: every custom tab's `<motif>` must be a tab style the
 * platform offers. The Metadata API types `motif` as a plain string (CustomTab,
 * https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_tab.htm), so the
 * schema check accepts a style that does not exist and only the deploy refuses it.
 *
 * The platform publishes no machine-readable list of styles. The Salesforce CLI's tab generator
 * (`sf schema generate tab`, package @salesforce/plugin-sobject) carries one, so the check reads
 * it from there rather than keeping a copy that could drift from the CLI the project deploys with.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { reportFindings, type Finding } from './findings';
import { collectMetadataFiles, packageDirectories } from './metadataCheck';
import { localName, parseXmlWithPositions, XmlSyntaxError } from './metadataXml';

/** The CLI module whose `tabDefs` array lists the styles as `CustomN: Name`. */
export function defaultTabGeneratorFile(): string {
  // The package's `exports` hides everything but lib/index.js, so resolve that and walk over.
  const entry = require.resolve('@salesforce/plugin-sobject');
  return join(dirname(entry), 'commands', 'schema', 'generate', 'tab.js');
}

const STYLE = /^Custom\d+: \S/;

/**
 * Reads the tab styles from the CLI's tab generator.
 * @throws Error when the file no longer holds a `tabDefs` list: a check that silently knew no
 *   styles would pass nothing or everything.
 */
export function loadTabMotifs(generatorFile: string = defaultTabGeneratorFile()): Set<string> {
  const source = readFileSync(generatorFile, 'utf8');
  const list = /\btabDefs\s*=\s*\[([\s\S]*?)\]/.exec(source);
  const motifs = new Set<string>();
  for (const match of list?.[1].matchAll(/(['"])(.*?)\1/g) ?? []) {
    // The CLI writes 'Custom4: Hexagon ' with a trailing space; the style's name has none.
    const motif = match[2].trim();
    if (STYLE.test(motif)) {
      motifs.add(motif);
    }
  }
  if (motifs.size === 0) {
    throw new Error(
      `no tab styles found in ${generatorFile}: has the CLI's tab generator changed?`
    );
  }
  return motifs;
}

function suggestion(motif: string, motifs: ReadonlySet<string>): string {
  const number = /^(Custom\d+):/.exec(motif)?.[1];
  const sameNumber = number ? [...motifs].find((known) => known.startsWith(`${number}:`)) : '';
  return sameNumber ? ` (${number} is '${sameNumber}')` : '';
}

/** The findings for every `*.tab-meta.xml` whose motif is not one of `motifs`. */
export function checkTabMotifs(projectRoot: string, motifs: ReadonlySet<string>): Finding[] {
  const files = packageDirectories(projectRoot)
    .flatMap((directory) => collectMetadataFiles(directory, []))
    .filter((file) => file.endsWith('.tab-meta.xml'))
    .sort();
  const findings: Finding[] = [];
  for (const file of files) {
    let root;
    try {
      root = parseXmlWithPositions(readFileSync(file, 'utf8'));
    } catch (error) {
      // check:metadata reports malformed XML; here it only means the motif cannot be read.
      if (error instanceof XmlSyntaxError) continue;
      throw error;
    }
    for (const element of root.children.filter((child) => localName(child.name) === 'motif')) {
      const motif = element.text.trim();
      if (!motifs.has(motif)) {
        findings.push({
          file,
          line: element.line,
          column: element.column,
          message: `'${motif}' is not a tab style the platform offers${suggestion(motif, motifs)}`,
          rule: 'tab-motif'
        });
      }
    }
  }
  return findings;
}

if (require.main === module) {
  const projectRoot = resolve(process.argv[2] ?? join(__dirname, '..', '..'));
  reportFindings('check:tab-motifs', checkTabMotifs(projectRoot, loadTabMotifs()));
}
