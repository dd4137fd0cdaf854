/** Fluent's message bar, in a chunk of its own: see MessageBarOnDemand.tsx. */
export { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
