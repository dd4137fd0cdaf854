import { Button, Switch } from "@fluentui/react-components";
import { useState } from "react";
import { CalibrationView } from "../components/CalibrationView";
import { Panel, Section } from "../components/Panel";
import { StatusSummary } from "../components/StatusSummary";
import type { Scoring } from "../scoring";

/** For a calibration session on a shared screen: where people stand per level, and which raters stand out. */
export function CalibrationPanel({ scoring, onScore }: { scoring?: Scoring; onScore(): void }) {
  const [large, setLarge] = useState(false);
  const calibration = scoring?.result.calibration;
  return (
    <Panel intro="How people stand against the expectations of the level they are at, per level, and the raters whose ratings run higher or lower than others' at the same levels.">
      {!calibration ? (
        <Button appearance="primary" onClick={onScore}>
          Score the ratings first
        </Button>
      ) : (
        <div
          style={{ display: "flex", flexDirection: "column", gap: "14px", zoom: large ? 1.25 : undefined }}
        >
          <Switch
            label="Large text for a shared screen"
            checked={large}
            onChange={(_, d) => setLarge(d.checked)}
          />
          <Section title="Everyone, at their current level">
            <StatusSummary counts={calibration.totals} label="Everyone by status at their current level" />
          </Section>
          <CalibrationView calibration={calibration} matrix={scoring.matrix} />
        </div>
      )}
    </Panel>
  );
}
