export { listInbox, INBOX_LIMIT, type InboxMessage } from "./list-inbox";
export { recordInAppEvent } from "./record-inapp-event";
export {
  inboxQuerySchema,
  inAppEventSchema,
  INAPP_EVENT_TYPES,
  type InAppEventInput,
  type InAppEventType,
} from "./schema";
export { INAPP_CORS_HEADERS, withInAppCors } from "./cors";
export { identitySecret, rotateIdentitySecret, userHashFor, verifyUserHash } from "./identity";
