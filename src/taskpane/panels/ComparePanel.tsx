import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { careerMatrixFromFramework, nextLevel, transfersFrom } from "../../core/career-matrix";
import { compareLevels } from "../../core/comparison";
import type { CareerMatrix } from "../../core/matrix";
import type { Problem } from "../../core/types";
import { comparisonSheetName } from "../../sheets/comparison-sheet";
import { insertComparison, readCareerMatrix } from "../../workbook/commands";
import { ComparisonPreview } from "../components/ComparisonPreview";
import { ExportActions } from "../components/ExportActions";
import { LevelPicker, type LevelChoice } from "../components/LevelPicker";
import { Panel, Section } from "../components/Panel";
import { ProblemList } from "../components/ProblemList";
import { TaskFeedback } from "../components/TaskFeedback";
import { loadExport } from "../export/load-export";
import { useServices } from "../services";
import { useTask } from "../use-task";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
});

/** A first comparison worth seeing: a mid-ladder level (Senior on most tracks) and the next one up. */
function defaultSides(matrix: CareerMatrix): [LevelChoice, LevelChoice] {
  const track = matrix.tracks[0];
  const ic = track?.levels.filter((l) => l.path === "ic") ?? [];
  const from = ic[Math.min(2, Math.max(0, ic.length - 2))] ?? track?.levels[0];
  const to = (track && from && nextLevel(track, from.id)) ?? from;
  return [
    { track: track?.id ?? "", level: from?.id ?? "" },
    { track: track?.id ?? "", level: to?.id ?? "" },
  ];
}

/**
 * The same level on the other track of a lateral move; where that track's ladder lacks it, the level of the same
 * path whose rank is nearest (a Staff Backend engineer moving to a ladder that ends at Senior compares with Senior).
 */
function lateralSide(matrix: CareerMatrix, from: LevelChoice, toTrack: string): LevelChoice | undefined {
  const track = matrix.tracks.find((t) => t.id === toTrack);
  const level = matrix.tracks.find((t) => t.id === from.track)?.levels.find((l) => l.id === from.level);
  if (!track || !level) return undefined;
  const same = track.levels.find((l) => l.id === level.id);
  const samePath = track.levels.filter((l) => l.path === level.path);
  const nearest = [...(samePath.length > 0 ? samePath : track.levels)].sort(
    (a, b) => Math.abs(a.rank - level.rank) - Math.abs(b.rank - level.rank),
  )[0];
  const chosen = same ?? nearest;
  return chosen && { track: track.id, level: chosen.id };
}

export function ComparePanel() {
  const styles = useStyles();
  const { host, framework } = useServices();
  const bundled = useMemo(() => careerMatrixFromFramework(framework), [framework]);
  const [matrix, setMatrix] = useState<CareerMatrix>(bundled);
  const [[from, to], setSides] = useState<[LevelChoice, LevelChoice]>(() => defaultSides(bundled));
  const task = useTask();
  const [inserted, setInserted] = useState<{ name: string; problems: Problem[] } | undefined>();

  // The preview uses the matrix as the workbook has it, so a manager's edits show up before inserting.
  const { run } = task;
  useEffect(() => {
    void run("Reading the matrix sheets", async () =>
      setMatrix((await readCareerMatrix(host, framework)).matrix),
    );
  }, [run, host, framework]);

  const comparison = useMemo(() => {
    try {
      return compareLevels(matrix, from, to);
    } catch {
      return undefined;
    }
  }, [matrix, from, to]);

  // The framework's lateral moves from the From role: one click puts the other role beside it.
  const lateral = useMemo(
    () =>
      transfersFrom(matrix, from.track).flatMap((transfer) => {
        const side = lateralSide(matrix, from, transfer.toTrack as string);
        const track = matrix.tracks.find((t) => t.id === side?.track);
        const title = track?.levels.find((l) => l.id === side?.level)?.title;
        return side && title ? [{ transfer, side, title }] : [];
      }),
    [matrix, from],
  );

  const insert = () =>
    task.run("Inserting the comparison sheet", async () => {
      const result = await insertComparison(host, framework, from, to);
      setInserted({ name: comparisonSheetName(matrix, result.comparison), problems: result.problems });
    });

  return (
    <Panel intro="Two levels side by side, or the same level on two tracks: each competency's expectation on both sides and what changes.">
      <LevelPicker label="From" matrix={matrix} value={from} onChange={(value) => setSides([value, to])} />
      <LevelPicker label="To" matrix={matrix} value={to} onChange={(value) => setSides([from, value])} />
      {lateral.length > 0 && (
        <Section title="Lateral moves">
          <div className={styles.actions}>
            {lateral.map(({ transfer, side, title }) => (
              <Button
                key={`${transfer.from}→${transfer.to}`}
                size="small"
                title={`The framework's lateral transfer ${transfer.from} → ${transfer.to}`}
                onClick={() => setSides([from, side])}
              >
                Compare with {title}
              </Button>
            ))}
          </div>
        </Section>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={!comparison || task.running !== undefined}
          onClick={() => void insert()}
        >
          Insert comparison sheet
        </Button>
      </div>
      <TaskFeedback task={task} failureTitle="The comparison was not inserted" />
      {inserted && task.running === undefined && (
        <>
          <MessageBar intent="success">
            <MessageBarBody>
              <MessageBarTitle>Comparison inserted</MessageBarTitle>
              {inserted.name}
            </MessageBarBody>
          </MessageBar>
          <ProblemList problems={inserted.problems} title="Problems in the matrix sheets" />
        </>
      )}
      {comparison && (
        <>
          <Section title="Export">
            <ExportActions
              title={comparisonSheetName(matrix, comparison)}
              xlsx={async () => (await loadExport()).comparisonXlsx(matrix, comparison)}
              csv={[
                {
                  label: "Comparison",
                  name: comparisonSheetName(matrix, comparison),
                  make: async () => (await loadExport()).comparisonCsv(comparison),
                },
              ]}
            />
          </Section>
          <Section title="Preview">
            <ComparisonPreview comparison={comparison} areas={matrix.areas} />
          </Section>
        </>
      )}
    </Panel>
  );
}
