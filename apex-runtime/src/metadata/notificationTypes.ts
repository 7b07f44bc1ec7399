/** Custom notification types (`notificationtypes/<Name>.notiftype-meta.xml`). */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { flag, readMetadataFile, text } from './metadataXml';

export interface NotificationTypeSource {
  developerName: string;
  masterLabel: string;
  customNotifTypeName: string;
  description?: string;
  desktop: boolean;
  mobile: boolean;
}

const SUFFIX = '.notiftype-meta.xml';

export function readNotificationTypes(dir: string): NotificationTypeSource[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((entry) => entry.endsWith(SUFFIX))
    .sort()
    .map((file) => {
      const developerName = file.slice(0, -SUFFIX.length);
      const root = readMetadataFile(join(dir, file), 'CustomNotificationType');
      const name = text(root, 'customNotifTypeName') ?? developerName;
      return {
        developerName,
        masterLabel: text(root, 'masterLabel') ?? name,
        customNotifTypeName: name,
        description: text(root, 'description'),
        desktop: flag(root, 'desktop'),
        mobile: flag(root, 'mobile')
      };
    });
}
