import { makeStyles, Text, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: "14px", padding: "14px 0 24px" },
  intro: { color: tokens.colorNeutralForeground2, margin: 0 },
  section: {
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    "& p": { margin: 0 },
    "& h2": { margin: 0 },
  },
});

/** A tab's layout: what it does in a sentence or two, then its controls and results. */
export function Panel({ intro, children }: { intro: ReactNode; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.panel}>
      <Text as="p" block className={styles.intro}>
        {intro}
      </Text>
      {children}
    </div>
  );
}

/** A titled part of a panel. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section aria-label={title} className={styles.section}>
      <Text as="h2" size={400} weight="semibold" block>
        {title}
      </Text>
      {children}
    </section>
  );
}
