/**
 * Deterministic Salesforce-shaped record Ids for the embedded org, in the Apex runtime's scheme
 * (apex-runtime/src/metadata/keyPrefixes.ts) so sample Ids and runtime Ids agree: the object's
 * key prefix (the standard prefix from the runtime's catalogue; a00, a01, ... for the project's
 * custom objects in name order) and a running number, 18 characters with the case-safe suffix
 * the API returns. Loading the sample twice gives the same Ids, so links and saved edits survive
 * a restart.
 */
import { projectKeyPrefixes } from '../../apex-runtime/src/metadata/keyPrefixes';
import { standardKeyPrefix } from '../../apex-runtime/src/metadata/standardCatalogue';
import { sequentialId } from '../../apex-runtime/src/platform/recordIds';

export class RecordIdFactory {
  private readonly prefixes: ReadonlyMap<string, string>;
  private readonly counters = new Map<string, number>();

  /**
   * @param customObjects every custom object of the project (not only those the sample fills),
   * so prefixes depend neither on load order nor on which objects hold sample records
   */
  constructor(customObjects: readonly string[]) {
    this.prefixes = projectKeyPrefixes(customObjects);
  }

  prefixOf(objectName: string): string {
    const prefix = standardKeyPrefix(objectName) ?? this.prefixes.get(objectName);
    if (!prefix) {
      throw new Error(`No key prefix for ${objectName}: add it to the embedded org's objects`);
    }
    return prefix;
  }

  next(objectName: string): string {
    const count = (this.counters.get(objectName) ?? 0) + 1;
    this.counters.set(objectName, count);
    return sequentialId(this.prefixOf(objectName), count);
  }
}
