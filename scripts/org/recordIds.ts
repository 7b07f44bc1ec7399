/**
 * Deterministic Salesforce-shaped record Ids for the embedded org: the object's key prefix
 * (standard prefixes for standard objects, a00, a01, ... for custom objects in name order) and
 * a running number, 18 characters like the API returns. Loading the sample twice gives the same
 * Ids, so links and saved edits survive a restart.
 */

const STANDARD_PREFIXES: Record<string, string> = {
  Account: '001',
  Contact: '003',
  Opportunity: '006',
  User: '005',
  Task: '00T',
  Event: '00U',
  OpportunityContactRole: '00K',
  OpportunityFieldHistory: '017'
};

export class RecordIdFactory {
  private readonly prefixes = new Map<string, string>();
  private readonly counters = new Map<string, number>();

  /** @param customObjects every custom object the org holds, so prefixes do not depend on load order */
  constructor(customObjects: readonly string[]) {
    [...customObjects].sort().forEach((name, index) => {
      this.prefixes.set(name, `a${index.toString(36).padStart(2, '0')}`);
    });
  }

  prefixOf(objectName: string): string {
    const prefix = STANDARD_PREFIXES[objectName] ?? this.prefixes.get(objectName);
    if (!prefix) {
      throw new Error(`No key prefix for ${objectName}: add it to the embedded org's objects`);
    }
    return prefix;
  }

  next(objectName: string): string {
    const count = (this.counters.get(objectName) ?? 0) + 1;
    this.counters.set(objectName, count);
    return `${this.prefixOf(objectName)}${String(count).padStart(12, '0')}AAA`;
  }

  /**
   * An Id for a record created after loading (by a user in the workbench). The `W` after the
   * prefix keeps it apart from every sample Id, however the sample grows; `taken` tells which
   * created Ids a saved store already holds.
   */
  nextCreated(objectName: string, taken: (id: string) => boolean): string {
    for (let count = 1; count < 1e11; count++) {
      const id = `${this.prefixOf(objectName)}W${String(count).padStart(11, '0')}AAA`;
      if (!taken(id)) return id;
    }
    throw new Error(`No free Id left for ${objectName}`);
  }
}
