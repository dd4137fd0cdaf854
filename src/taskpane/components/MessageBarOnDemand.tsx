/**
 * Fluent's message bar, loaded with the first message: the pane's first screen shows none (a message answers an
 * action), so its code stays out of the pane's first load. Each part suspends inside its own boundary, never the tab's.
 */
import { lazy, Suspense, type ComponentProps, type ComponentType } from "react";
import type * as Parts from "./message-bar-parts";

const parts = () => import(/* webpackChunkName: "message-bar" */ "./message-bar-parts");

function onDemand<K extends keyof typeof Parts>(name: K) {
  const Lazy = lazy(() =>
    parts().then((m) => ({ default: m[name] as ComponentType<ComponentProps<(typeof Parts)[K]>> })),
  );
  function Part(props: ComponentProps<(typeof Parts)[K]>) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return Part;
}

export const MessageBar = onDemand("MessageBar");
export const MessageBarActions = onDemand("MessageBarActions");
export const MessageBarBody = onDemand("MessageBarBody");
export const MessageBarTitle = onDemand("MessageBarTitle");
