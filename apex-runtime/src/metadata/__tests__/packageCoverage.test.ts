/**
 * Every object and field the package's Apex names in static SOQL, and every field its shipped
 * rule formulas read, exists in the runtime's schema: a query the org would run must not fail
 * offline for want of a field.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileFormula } from '../../../../formula-engine/src/formulaEngine';
import {
  findSoqlQueries,
  type SoqlName,
  type SoqlQuery
} from '../../../../scripts/checks/soqlQueries';
import { formulaSchemas } from '../../platform/formulaFields';
import { DEFAULT_SOURCE_DIR, loadProject } from '../loadProject';
import type { OrgSchema } from '../schema';

const project = loadProject();
const { schema } = project;

function apexFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return apexFiles(path);
    return /\.(cls|trigger)$/.test(entry.name) ? [path] : [];
  });
}

/** Follows `Account.Owner.Name` from the object; returns what is missing, if anything. */
function missingPath(objectName: string, name: SoqlName, alias?: string): string | undefined {
  let current = objectName;
  let segments = name.segments;
  if (alias && segments.length > 1 && segments[0].toLowerCase() === alias.toLowerCase()) {
    segments = segments.slice(1);
  }
  if (segments.length > 1 && segments[0].toLowerCase() === objectName.toLowerCase()) {
    segments = segments.slice(1);
  }
  for (let i = 0; i < segments.length - 1; i++) {
    const lookup = schema.relationship(current, segments[i]);
    if (!lookup) return `${current}.${segments[i]}`;
    // A polymorphic parent (What, Who) has the name fields of every target: Type and Name.
    if (lookup.polymorphic)
      return ['Type', 'Name', 'Id'].includes(segments[i + 1])
        ? undefined
        : `${current}.${segments.join('.')}`;
    current = lookup.referenceTo[0];
  }
  const last = segments[segments.length - 1];
  if (last.toLowerCase() === 'count' || schema.field(current, last)) return undefined;
  return `${current}.${last}`;
}

function check(query: SoqlQuery, objectName: string | undefined, missing: string[]): void {
  if (!objectName) return;
  for (const field of query.fields) {
    const gap = missingPath(objectName, field, query.alias);
    if (gap) missing.push(gap);
  }
  for (const sub of query.subqueries) {
    const name = sub.from.segments.join('.');
    const child =
      sub.kind === 'child'
        ? schema.childRelationship(objectName, name)?.childObject
        : schema.object(name)?.name;
    if (!child) missing.push(`${objectName}>${name}`);
    check(sub, child, missing);
  }
}

function objectFields(schema: OrgSchema, objectName: string): string[] {
  return schema.object(objectName)?.fields.map((field) => field.name) ?? [];
}

describe('the package against the runtime schema', () => {
  it('finds every object and field the package`s static SOQL names', () => {
    const missing: string[] = [];
    let queries = 0;
    for (const file of apexFiles(DEFAULT_SOURCE_DIR)) {
      const found = findSoqlQueries(readFileSync(file, 'utf8'), file.endsWith('.trigger'));
      expect(found.syntaxErrors).toEqual([]);
      for (const query of found.queries) {
        queries++;
        const objectName = schema.object(query.from.segments.join('.'))?.name;
        if (!objectName) missing.push(query.from.segments.join('.'));
        check(query, objectName, missing);
      }
    }
    expect(queries).toBeGreaterThan(50);
    expect(missing).toEqual([]);
  });

  it('compiles every shipped rule formula against the runtime`s schema', () => {
    const schemas = formulaSchemas(schema);
    const failures: string[] = [];
    for (const record of project.customMetadataRecords.filter(
      (rule) => rule.type === 'Sales_Rule__mdt'
    )) {
      const objectName = record.values.get('Object__c') ?? '';
      for (const field of ['Applies_When__c', 'Flag_When__c']) {
        const formula = record.values.get(field);
        if (!formula) continue;
        try {
          compileFormula(formula, {
            schema: schemas.get(objectName) ?? { name: objectName, fields: {} }
          });
        } catch (error) {
          failures.push(`${record.developerName}.${field}: ${(error as Error).message}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('knows the fields of the objects the package`s tests insert', () => {
    expect(objectFields(schema, 'PermissionSetAssignment')).toEqual(
      expect.arrayContaining(['AssigneeId', 'PermissionSetId'])
    );
    expect(objectFields(schema, 'Skill_Assessment__Share')).toEqual(
      expect.arrayContaining(['ParentId', 'UserOrGroupId', 'AccessLevel', 'RowCause'])
    );
  });
});
