/**
 * Which framework the workbook uses, and the three ways to change it: use a framework file (checked first, each
 * problem at its JSON path), save the matrix sheets as one, or go back to GitLab's.
 */
import { Button, makeStyles, Text } from "@fluentui/react-components";
import { useRef, useState } from "react";
import type { Framework } from "../../core/framework";
import type { Problem } from "../../core/types";
import { isMatrixKey, trackOfKey } from "../../sheets/matrix-key";
import { useFrameworkChoice } from "../framework-choice";
import { useServices } from "../services";
import { loadCommands } from "../load-commands";
import { useTask } from "../use-task";
import { Section } from "./Panel";
import { ProblemListOnDemand as ProblemList } from "./ProblemListOnDemand";
import { TaskFeedback } from "./TaskFeedback";
import { MessageBar, MessageBarBody, MessageBarTitle } from "./MessageBarOnDemand";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", gap: "8px" },
  file: { display: "none" },
});

interface Outcome {
  title: string;
  detail?: string;
  problems: Problem[];
}

export function FrameworkSection() {
  const styles = useStyles();
  const { host, framework, saveFile } = useServices();
  const choice = useFrameworkChoice();
  const task = useTask();
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<Outcome | undefined>();

  /** Switches, then builds the matrix from the new framework unless the sheets hold edits the user has not saved. */
  const switchTo = async (next: Framework | undefined, name: string, readAs = ""): Promise<void> => {
    const { buildMatrix, readCareerMatrix } = await loadCommands();
    const before = await readCareerMatrix(host, framework);
    const edited = before.edits.filter((e) => e.changes.length > 0).map((e) => e.sheet);
    await choice.choose(next);
    if (edited.length > 0) {
      setOutcome({
        title: `Now using ${name}`,
        detail: `${readAs}${edited.join(", ")} keep your edits: save them as a framework file first if you need them, then replace them from the framework above.`,
        problems: [],
      });
      return;
    }
    const target = next ?? choice.bundled;
    const owned = (await host.ownedSheets()).filter((s) => isMatrixKey(s.key)).map((s) => trackOfKey(s.key));
    const wanted = owned.filter((id) => target.tracks.some((t) => t.id === id));
    const tracks = wanted.length > 0 ? wanted : target.tracks.slice(0, 1).map((t) => t.id);
    const built = await buildMatrix(host, target, tracks, { keepEdits: false });
    setOutcome({
      title: `Now using ${name}`,
      detail: `${readAs}Matrix sheets built from it.`,
      problems: built.problems,
    });
  };

  const openFile = (file: File) =>
    task.run(`Reading ${file.name}`, async () => {
      // Loaded when a file is picked: the checks stay out of the pane's first load.
      const { readFrameworkFile } = await import(
        /* webpackChunkName: "framework-file" */ "../../core/framework-file"
      );
      const { ENCODING_LABEL } = await import(
        /* webpackChunkName: "framework-file" */ "../../core/decode-text"
      );
      const read = readFrameworkFile(new Uint8Array(await file.arrayBuffer()));
      // Said when the file was not UTF-8, as the command line says it for the files it reads.
      const readAs =
        read.encoding === undefined
          ? ""
          : `${file.name} was read as ${ENCODING_LABEL[read.encoding]}, as its byte-order mark says. `;
      if (read.framework === undefined) {
        setOutcome({
          title: `${file.name} is not a framework this add-in can use`,
          ...(readAs === "" ? {} : { detail: readAs.trim() }),
          problems: read.problems.map((p) => ({ severity: "error", message: `${p.where}: ${p.message}` })),
        });
        return;
      }
      await switchTo(read.framework, `"${read.framework.name}"`, readAs);
    });

  const save = () =>
    task.run("Saving the matrix as a framework file", async () => {
      const { frameworkFileText, matrixAsFramework } = await import(
        /* webpackChunkName: "framework-file" */ "../../workbook/framework-export"
      );
      const saved = await matrixAsFramework(host, framework);
      if (saved.framework === undefined) {
        setOutcome({ title: "The matrix was not saved", problems: saved.problems });
        return;
      }
      const name = `${saved.framework.id}.json`;
      saveFile(name, new Blob([frameworkFileText(saved.framework)], { type: "application/json" }));
      setOutcome({ title: `Saved ${name}`, problems: saved.problems });
    });

  const back = () =>
    task.run("Going back to GitLab's framework", () => switchTo(undefined, "GitLab's framework"));

  return (
    <Section title="Framework">
      <Text as="p" block>
        {choice.own
          ? `This workbook uses its own framework, "${framework.name}".`
          : `This workbook uses ${framework.name}.`}
      </Text>
      {choice.problems.length > 0 && (
        <ProblemList
          problems={choice.problems.map((message) => ({ severity: "warning", message }))}
          title="Framework"
        />
      )}
      <div className={styles.actions}>
        <Button disabled={task.running !== undefined} onClick={() => input.current?.click()}>
          Use a framework file…
        </Button>
        <Button disabled={task.running !== undefined} onClick={() => void save()}>
          Save as framework file
        </Button>
        <Button disabled={!choice.own || task.running !== undefined} onClick={() => void back()}>
          Back to GitLab&apos;s framework
        </Button>
        <input
          ref={input}
          className={styles.file}
          type="file"
          accept=".json,application/json"
          aria-label="Framework file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) void openFile(file);
          }}
        />
      </div>
      <TaskFeedback task={task} failureTitle="The framework was not changed" />
      {outcome && task.running === undefined && (
        <>
          <MessageBar
            intent={outcome.problems.some((p) => p.severity === "error") ? "error" : "success"}
            layout="multiline"
          >
            <MessageBarBody>
              <MessageBarTitle>{outcome.title}</MessageBarTitle>
              {outcome.detail}
            </MessageBarBody>
          </MessageBar>
          <ProblemList problems={outcome.problems} title="Problems" />
        </>
      )}
    </Section>
  );
}
