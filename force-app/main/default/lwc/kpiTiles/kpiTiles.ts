/**
 * A row of KPI tiles: label, value, detail and, when the KPI has a target, its status as an icon
 * and a word (never colour alone). Shared by the pipeline review's header and the KPI tiles.
 */
import { LightningElement, api } from 'lwc';
import type { Tile } from 'c/kpiView';

export default class KpiTiles extends LightningElement {
  @api tiles: readonly Tile[] = [];
  /** How many tiles share a row on a medium or wider screen: 2 or 4. */
  @api perRow = 2;

  get items(): (Tile & { itemClass: string; hasStatus: boolean })[] {
    const medium = Number(this.perRow) === 4 ? ' slds-medium-size_1-of-4' : '';
    return this.tiles.map((tile) => ({
      ...tile,
      itemClass: `slds-col slds-size_1-of-2${medium} slds-p-around_xx-small`,
      hasStatus: tile.iconName !== ''
    }));
  }
}
