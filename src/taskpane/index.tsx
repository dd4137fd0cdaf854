import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import {
  FluentProvider,
  Text,
  Title2,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";

/** A dark Office theme (e.g. Black) gets Fluent's dark theme; a light or absent one gets the light theme. */
function themeFor(officeTheme: Office.OfficeTheme | undefined): Theme {
  const hex = /^#?([0-9a-f]{6})$/i.exec(officeTheme?.bodyBackgroundColor ?? "")?.[1];
  if (!hex) return webLightTheme;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128 ? webDarkTheme : webLightTheme;
}

// Outside Office (a plain browser, tests) office.js may be missing or finds no host; the pane starts anyway.
async function officeTheme(): Promise<Office.OfficeTheme | undefined> {
  if (typeof Office === "undefined") return undefined;
  await Office.onReady();
  return Office.context?.officeTheme;
}

function TaskPane({ theme }: { theme: Theme }) {
  return (
    <FluentProvider theme={theme} style={{ minHeight: "100vh", padding: "16px", boxSizing: "border-box" }}>
      <Title2 as="h1" block>
        Career Matrix
      </Title2>
      <Text as="p" block>
        Build the career matrix, score your team&apos;s ratings into readiness and heatmaps, and compare
        levels.
      </Text>
    </FluentProvider>
  );
}

void officeTheme().then((officeTheme) => {
  const root = document.getElementById("root");
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <TaskPane theme={themeFor(officeTheme)} />
      </StrictMode>,
    );
  }
});
