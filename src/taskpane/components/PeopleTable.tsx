import {
  Caption1,
  Link,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { CareerMatrix } from "../../core/matrix";
import type { PersonRatings, PersonReadiness } from "../../core/types";
import { competencyName, levelTitle, percent, signed } from "../format";
import { StatusBadge } from "./StatusBadge";

type SortKey = "next" | "person";
type Direction = "ascending" | "descending";

const useStyles = makeStyles({
  table: { tableLayout: "fixed", width: "100%" },
  personColumn: { width: "58%" },
  cell: { verticalAlign: "top", paddingTop: "6px", paddingBottom: "6px" },
  stack: { display: "flex", flexDirection: "column", alignItems: "flex-start", gap: "2px", minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  blockers: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
});

/** Blockers named in the list; the rest are counted. */
const BLOCKERS_SHOWN = 3;

function compareBy(key: SortKey, direction: Direction) {
  const sign = direction === "ascending" ? 1 : -1;
  return (a: PersonReadiness, b: PersonReadiness): number => {
    if (key === "next") {
      // People at the top of their path have no next level: they go last either way.
      const ra = a.next?.readiness;
      const rb = b.next?.readiness;
      if (ra === undefined || rb === undefined) {
        if (ra !== rb) return ra === undefined ? 1 : -1;
      } else if (ra !== rb) {
        return sign * (ra - rb);
      }
      return a.person.person.localeCompare(b.person.person);
    }
    return sign * a.person.person.localeCompare(b.person.person);
  };
}

export interface PeopleTableProps {
  matrix: CareerMatrix;
  scored: PersonReadiness[];
  /** Selects the person's row in the workbook. */
  onSelect(person: PersonRatings): void;
}

/** People with their readiness for the next level and what blocks it, sortable by either column. */
export function PeopleTable({ matrix, scored, onSelect }: PeopleTableProps) {
  const styles = useStyles();
  const [sort, setSort] = useState<{ key: SortKey; direction: Direction }>({
    key: "next",
    direction: "descending",
  });
  const sorted = useMemo(() => [...scored].sort(compareBy(sort.key, sort.direction)), [scored, sort]);

  const headerProps = (key: SortKey, first: Direction) => ({
    sortDirection: sort.key === key ? sort.direction : undefined,
    onClick: () =>
      setSort(
        sort.key === key
          ? { key, direction: sort.direction === "ascending" ? "descending" : "ascending" }
          : { key, direction: first },
      ),
  });

  return (
    <Table
      sortable
      size="small"
      className={styles.table}
      aria-label="People by readiness for their next level"
    >
      <TableHeader>
        <TableRow>
          <TableHeaderCell className={styles.personColumn} {...headerProps("person", "ascending")}>
            Person
          </TableHeaderCell>
          <TableHeaderCell {...headerProps("next", "descending")}>Next level</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {sorted.map((s) => {
          const p = s.person;
          const blockers = s.next?.blockers ?? [];
          return (
            <TableRow key={`${p.row}:${p.person}`}>
              <TableCell className={styles.cell}>
                <div className={styles.stack}>
                  <Link
                    as="button"
                    onClick={() => onSelect(p)}
                    title={`Select ${p.person}'s row in the workbook`}
                  >
                    {p.person}
                  </Link>
                  <Caption1 className={styles.muted}>{levelTitle(matrix, p.track, p.level)}</Caption1>
                  {blockers.length > 0 && (
                    <Caption1 className={styles.blockers}>
                      Blockers:{" "}
                      {blockers
                        .slice(0, BLOCKERS_SHOWN)
                        .map(
                          (b) => `${competencyName(matrix, p.track, b.competency)} (${signed(b.gap ?? 0)})`,
                        )
                        .join(", ")}
                      {blockers.length > BLOCKERS_SHOWN && ` and ${blockers.length - BLOCKERS_SHOWN} more`}
                    </Caption1>
                  )}
                </div>
              </TableCell>
              <TableCell className={styles.cell}>
                {s.nextLevels.length > 0 ? (
                  // A Senior sees both ways up: Staff on their own path, then Engineering Manager.
                  s.nextLevels.map((next) => (
                    <div className={styles.stack} key={next.level}>
                      <StatusBadge status={next.status} />
                      <Caption1>
                        {percent(next.readiness)} for {levelTitle(matrix, p.track, next.level)}
                      </Caption1>
                    </div>
                  ))
                ) : (
                  <Caption1 className={styles.muted}>Top of the path</Caption1>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
