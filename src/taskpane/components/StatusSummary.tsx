import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { StatusCounts } from "../../core/types";
import { STATUS_ORDER } from "../../sheets/status";
import { StatusBadge } from "./StatusBadge";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "grid",
    gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))",
    gap: "8px",
  },
  item: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    gap: "8px",
    padding: "8px 10px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

/** How many people are at each readiness status (for their next level), as badges and numbers. */
export function StatusSummary({ counts, label }: { counts: StatusCounts; label: string }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} aria-label={label}>
      {STATUS_ORDER.map((status) => (
        <li key={status} className={styles.item}>
          <StatusBadge status={status} />
          <Text size={500} weight="semibold">
            {counts[status]}
          </Text>
        </li>
      ))}
    </ul>
  );
}
