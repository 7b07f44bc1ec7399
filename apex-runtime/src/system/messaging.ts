/**
 * Messaging.CustomNotification (Apex Reference, "CustomNotification Class"): send() records the
 * notification in the session (tests and the workbench read them) after the checks the platform
 * makes: the notification type must exist, title and body are required, at most 500 recipients.
 */
import { ApexRuntimeError, NotSupportedOfflineError } from '../stdlib/apexErrors';
import { ApexList, ApexSet } from '../values/collections';
import { defineNative, NativeObject } from '../interpreter/nativeTypes';
import { nullPointer } from '../interpreter/operators';
import { sessionOf } from '../execution/session';

class CustomNotification extends NativeObject {
  readonly apexType = 'Messaging.CustomNotification';
  typeId: string | null = null;
  title: string | null = null;
  body: string | null = null;
  targetId: string | null = null;
  targetPageRef: string | null = null;
}

const MAX_RECIPIENTS = 500;

function notificationError(message: string): ApexRuntimeError {
  return new ApexRuntimeError('System.CustomNotificationException', message);
}

defineNative({
  name: 'Messaging.CustomNotification',
  construct: () => new CustomNotification(),
  methods: {
    setnotificationtypeid: (_frame, self: CustomNotification, args) => {
      self.typeId = args[0] as string | null;
      return null;
    },
    settitle: (_frame, self: CustomNotification, args) => {
      self.title = args[0] as string | null;
      return null;
    },
    setbody: (_frame, self: CustomNotification, args) => {
      self.body = args[0] as string | null;
      return null;
    },
    settargetid: (_frame, self: CustomNotification, args) => {
      self.targetId = args[0] as string | null;
      return null;
    },
    settargetpageref: (_frame, self: CustomNotification, args) => {
      self.targetPageRef = args[0] as string | null;
      return null;
    },
    setsenderid: () => {
      throw new NotSupportedOfflineError('CustomNotification.setSenderId');
    },
    send: (frame, self: CustomNotification, args) => {
      const recipients = args[0];
      if (!(recipients instanceof ApexSet || recipients instanceof ApexList)) throw nullPointer();
      const ids = (recipients instanceof ApexSet ? recipients.values() : recipients.items).map(
        String
      );
      const session = sessionOf(frame);
      const type = self.typeId ? session.database.row(self.typeId) : undefined;
      if (
        !type ||
        session.database.objectOfId(String(type.Id))?.name !== 'CustomNotificationType'
      ) {
        throw notificationError('Invalid notification type id');
      }
      if (!self.title || !self.body)
        throw notificationError('The notification title and body are required');
      if (!self.targetId && !self.targetPageRef)
        throw notificationError('The notification needs a target');
      if (ids.length === 0 || ids.length > MAX_RECIPIENTS) {
        throw notificationError(`A notification goes to 1 to ${MAX_RECIPIENTS} recipients`);
      }
      session.notifications.push({
        typeId: String(type.Id),
        title: self.title,
        body: self.body,
        targetId: self.targetId,
        recipients: ids
      });
      return null;
    }
  }
});

defineNative({ name: 'Messaging' });
