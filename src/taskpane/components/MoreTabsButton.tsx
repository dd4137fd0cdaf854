/** The "more tabs" button at the end of the pane's tab row (see TabOverflow.tsx). */
import { Button, makeStyles, mergeClasses, useMergedRefs, useOverflowMenu } from "@fluentui/react-components";
import { MoreHorizontalRegular } from "@fluentui/react-icons";
import { forwardRef, type ComponentProps } from "react";

const useStyles = makeStyles({
  // As narrow as a tab's text is tall, so the row keeps room for tabs.
  more: { minWidth: "auto", paddingLeft: "6px", paddingRight: "6px", flexShrink: 0 },
});

export function moreTabsLabel(count: number): string {
  return `${count} more ${count === 1 ? "tab" : "tabs"}`;
}

/** The button at the end of the row; it registers itself with the overflow so the row keeps room for it. */
export const MoreTabsButton = forwardRef<HTMLButtonElement, ComponentProps<typeof Button>>(
  function MoreTabsButton({ className, ...props }, forwarded) {
    const styles = useStyles();
    const { ref, overflowCount } = useOverflowMenu<HTMLButtonElement>();
    return (
      <Button
        {...props}
        ref={useMergedRefs(ref, forwarded)}
        className={mergeClasses(styles.more, className)}
        appearance="transparent"
        size="small"
        // A tab of the tab list, as in Fluent's pattern: arrow keys reach it with the tabs.
        role="tab"
        aria-selected={false}
        aria-label={moreTabsLabel(overflowCount)}
        title={moreTabsLabel(overflowCount)}
        icon={<MoreHorizontalRegular />}
      />
    );
  },
);
