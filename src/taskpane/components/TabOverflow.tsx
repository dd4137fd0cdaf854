/**
 * The pane's tabs on one row however narrow the pane: tabs that do not fit go into a "more tabs" menu at the end of
 * the row, as Fluent's TabList-with-Overflow pattern does. The selected tab always stays on the row. The menu's code
 * loads when the row first overflows, so a wide pane never loads it and the first screen does not wait for it.
 */
import { useOverflowCount } from "@fluentui/react-components";
import { lazy, Suspense, useState } from "react";
import { MoreTabsButton } from "./MoreTabsButton";

export interface TabChoice {
  id: string;
  label: string;
}

const TabOverflowMenu = lazy(() =>
  import(/* webpackChunkName: "tab-overflow-menu" */ "./TabOverflowMenu").then((m) => ({
    default: m.TabOverflowMenu,
  })),
);

export function TabOverflow({ tabs, onSelect }: { tabs: TabChoice[]; onSelect(id: string): void }) {
  const overflowing = useOverflowCount() > 0;
  // Clicked before the menu's code arrived: the menu opens as soon as it has.
  const [openOnLoad, setOpenOnLoad] = useState(false);
  if (!overflowing) return null;
  return (
    <Suspense fallback={<MoreTabsButton aria-haspopup="menu" onClick={() => setOpenOnLoad(true)} />}>
      <TabOverflowMenu tabs={tabs} onSelect={onSelect} defaultOpen={openOnLoad} />
    </Suspense>
  );
}
