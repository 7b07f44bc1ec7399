/**
 * An object's describe in a user's language, as the org gives it once the Translation Workbench
 * holds the package's object translations: the object's labels, each field's label and help text,
 * and picklist value labels (the values stay). What the project does not translate keeps its
 * own text, as the platform falls back to the default language.
 */
import type { ObjectTranslation } from '../../../apex-runtime/src/metadata/translations';
import type { WorkbenchObjectInfo } from './objectInfo';

export function translateObjectInfo(
  info: WorkbenchObjectInfo,
  translation: ObjectTranslation | undefined
): WorkbenchObjectInfo {
  if (!translation) return info;
  const fields = Object.fromEntries(
    Object.entries(info.fields).map(([apiName, field]) => {
      const fieldTranslation = translation.fields.get(apiName);
      if (!fieldTranslation) return [apiName, field];
      return [
        apiName,
        {
          ...field,
          label: fieldTranslation.label ?? field.label,
          inlineHelpText: fieldTranslation.help ?? field.inlineHelpText,
          ...(field.picklistValues
            ? {
                picklistValues: field.picklistValues.map((value) => ({
                  ...value,
                  label: fieldTranslation.picklistValues.get(value.label) ?? value.label
                }))
              }
            : {})
        }
      ];
    })
  );
  return {
    ...info,
    label: translation.label ?? info.label,
    labelPlural: translation.labelPlural ?? info.labelPlural,
    fields
  };
}
