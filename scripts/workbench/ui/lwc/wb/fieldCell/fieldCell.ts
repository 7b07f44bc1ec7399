/**
 * One field's value in a table cell, as Lightning's list views and related lists show it: a
 * checkbox (its meaning in its accessible name, never colour alone), a link (a lookup, a URL, a
 * record's name) or text. The record page's list view and the related list page share it.
 */
import { LightningElement, api } from 'lwc';
import type { FormattedField } from '../recordPage/fieldFormat';

export default class FieldCell extends LightningElement {
  @api cell: Pick<FormattedField, 'isCheckbox' | 'checked' | 'label' | 'href' | 'text'> | null =
    null;
}
