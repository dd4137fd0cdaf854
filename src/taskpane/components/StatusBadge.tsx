import { Badge, makeStyles, type BadgeProps } from "@fluentui/react-components";
import {
  CheckmarkCircle16Filled,
  DismissCircle16Filled,
  QuestionCircle16Regular,
  Warning16Filled,
} from "@fluentui/react-icons";
import type { ReactElement } from "react";
import type { ReadinessStatus } from "../../core/types";
import { STATUS_LABEL } from "../../sheets/status";

const LOOK: Record<ReadinessStatus, { color: BadgeProps["color"]; icon: ReactElement }> = {
  ready: { color: "success", icon: <CheckmarkCircle16Filled /> },
  almost: { color: "warning", icon: <Warning16Filled /> },
  "not-yet": { color: "danger", icon: <DismissCircle16Filled /> },
  insufficient: { color: "informative", icon: <QuestionCircle16Regular /> },
};

// "Insufficient data" wraps in a narrow pane rather than being cut off.
const useStyles = makeStyles({
  badge: { whiteSpace: "normal", height: "auto", minHeight: "20px", textAlign: "left" },
});

/** A readiness status as words with an icon: never colour alone. */
export function StatusBadge({ status }: { status: ReadinessStatus }) {
  const look = LOOK[status];
  const styles = useStyles();
  return (
    <Badge appearance="tint" color={look.color} icon={look.icon} shape="rounded" className={styles.badge}>
      {STATUS_LABEL[status]}
    </Badge>
  );
}
