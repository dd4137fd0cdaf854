/** The menu of the tabs that do not fit on the row (see TabOverflow.tsx), loaded when the row first overflows. */
import {
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  useIsOverflowItemVisible,
} from "@fluentui/react-components";
import { MoreTabsButton } from "./MoreTabsButton";
import type { TabChoice } from "./TabOverflow";

function HiddenTab({ tab, onSelect }: { tab: TabChoice; onSelect(id: string): void }) {
  const visible = useIsOverflowItemVisible(tab.id);
  if (visible) return null;
  return <MenuItem onClick={() => onSelect(tab.id)}>{tab.label}</MenuItem>;
}

export function TabOverflowMenu({
  tabs,
  onSelect,
  defaultOpen,
}: {
  tabs: TabChoice[];
  onSelect(id: string): void;
  defaultOpen: boolean;
}) {
  return (
    <Menu defaultOpen={defaultOpen}>
      <MenuTrigger disableButtonEnhancement>
        <MoreTabsButton />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {tabs.map((tab) => (
            <HiddenTab key={tab.id} tab={tab} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
