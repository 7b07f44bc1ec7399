/**
 * What a CSV export's headers and values are checked against, from the object metadata the
 * offline runtime reads (apex-runtime/src/metadata, the one home of metadata reading): the
 * standard objects' describes (labels, precision and scale as a new org describes them) and the
 * project's own fields (force-app/main/default/objects). Report exports name columns by label
 * (`Close Date`, `Stage`, `Opportunity Name`, `Account Name`); Data Loader by API name.
 */
import { join } from 'node:path';
import type { ObjectSchema } from '../../formula-engine/src/formulaEngine';
import { buildSchema } from '../../apex-runtime/src/metadata/buildSchema';
import { readGlobalValueSets } from '../../apex-runtime/src/metadata/globalValueSets';
import { projectKeyPrefixes } from '../../apex-runtime/src/metadata/keyPrefixes';
import { readObjectSources } from '../../apex-runtime/src/metadata/objectSource';
import type { FieldDescribe, OrgSchema } from '../../apex-runtime/src/metadata/schema';
import { standardOpportunityStages } from '../../apex-runtime/src/metadata/standardCatalogue';
import { DEFAULT_OBJECTS_DIR } from '../org/embeddedOrg';
import { labelKey, type FieldDigits } from './csvRecords';

let cached: OrgSchema | null = null;

/** The org schema of the project's objects plus the standard ones (read once). */
function orgSchema(objectsDir: string = DEFAULT_OBJECTS_DIR): OrgSchema {
  if (cached) return cached;
  const objects = readObjectSources(objectsDir);
  cached = buildSchema({
    objects,
    globalValueSets: readGlobalValueSets(join(objectsDir, '..', 'globalValueSets')),
    keyPrefixes: projectKeyPrefixes(objects.map((object) => object.name))
  });
  return cached;
}

/** A lookup's label without its " ID" (`Account ID` -> `Account`, `Owner ID` -> `Owner`). */
function relationshipLabel(field: FieldDescribe): string {
  return field.label.replace(/\s+ID$/i, '');
}

export interface CsvFieldMetadata {
  /** Normalised label -> field paths (`Close Date` -> CloseDate). */
  labels: Map<string, string[]>;
  digits: Map<string, FieldDigits>;
  /** Label of a path, for messages (`CloseDate` -> `Close Date`). */
  labelOf: Map<string, string>;
}

/**
 * Labels and digits of the fields of `schema` (the formula engine's schema of the audited object:
 * only fields the audit can read are candidates). A header matches, in this order of tiers: the
 * object's own field labels and `<object label> <field label>` (`Opportunity Name`); a parent's
 * `<relationship> <field label>` and `<relationship>: <field label>` (`Account Name`,
 * `Account: Industry`) and `<object label> <relationship>` for the parent's name (`Opportunity
 * Owner`). A label two fields of the first tier that matches share is ambiguous.
 */
export function csvFieldMetadata(objectName: string, schema: ObjectSchema): CsvFieldMetadata {
  const org = orgSchema();
  const object = org.object(objectName);
  const labels = new Map<string, string[]>();
  const digits = new Map<string, FieldDigits>();
  const labelOf = new Map<string, string>();
  if (!object) return { labels, digits, labelOf };
  const tiers: Map<string, Set<string>>[] = [new Map(), new Map()];
  const add = (tier: number, label: string, path: string) => {
    const key = labelKey(label);
    const paths = tiers[tier].get(key) ?? new Set<string>();
    paths.add(path);
    tiers[tier].set(key, paths);
  };
  const note = (path: string, field: FieldDescribe) => {
    if (field.precision !== undefined && field.scale !== undefined) {
      digits.set(path, { precision: field.precision, scale: field.scale });
    }
  };
  for (const name of Object.keys(schema.fields)) {
    const field = org.field(objectName, name);
    if (!field) continue;
    add(0, field.label, name);
    add(0, `${object.label} ${field.label}`, name);
    labelOf.set(name, field.label);
    note(name, field);
  }
  for (const [relationship, parent] of Object.entries(schema.relationships ?? {})) {
    const lookup = org.relationship(objectName, relationship);
    const parentObject = lookup?.referenceTo[0];
    if (!lookup || !parentObject) continue;
    const prefix = relationshipLabel(lookup);
    for (const name of Object.keys(parent.fields)) {
      const field = org.field(parentObject, name);
      if (!field) continue;
      const path = `${relationship}.${name}`;
      add(1, `${prefix} ${field.label}`, path);
      add(1, `${prefix}: ${field.label}`, path);
      if (name === 'Name') add(1, `${object.label} ${prefix}`, path);
      labelOf.set(path, `${prefix}: ${field.label}`);
      note(path, field);
    }
  }
  for (const tier of tiers) {
    for (const [key, paths] of tier) {
      if (!labels.has(key)) labels.set(key, [...paths]);
    }
  }
  return { labels, digits, labelOf };
}

export interface StageFlags {
  IsClosed: boolean;
  IsWon: boolean;
}

/**
 * Closed and won per stage, as the org's OpportunityStage rows say: the standard sales process of
 * a new org (Setup > Opportunity Stages), which the sample org uses.
 */
export function stageFlags(): Map<string, StageFlags> {
  return new Map(
    standardOpportunityStages().map((stage) => [
      stage.apiName,
      { IsClosed: stage.closed, IsWon: stage.won }
    ])
  );
}
