/**
 * The pane follows the Office theme: a dark Office theme (Black, Dark Gray) gets Fluent's dark theme. Outside Office
 * (the workbench, a plain browser) the system colour scheme decides.
 */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

export type ThemeName = "light" | "dark";

/** Dark when the colour's perceived brightness is below the middle; undefined when it is not "#RRGGBB". */
export function isDarkColor(color: string | undefined): boolean | undefined {
  const hex = /^#?([0-9a-f]{6})$/i.exec(color ?? "")?.[1];
  if (!hex) return undefined;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return 0.299 * r + 0.587 * g + 0.114 * b < 128;
}

export function themeNameFor(
  officeTheme: Pick<Office.OfficeTheme, "bodyBackgroundColor"> | undefined,
): ThemeName | undefined {
  const dark = isDarkColor(officeTheme?.bodyBackgroundColor);
  return dark === undefined ? undefined : dark ? "dark" : "light";
}

export function systemThemeName(): ThemeName {
  const query = typeof window !== "undefined" && window.matchMedia?.("(prefers-color-scheme: dark)");
  return query && query.matches ? "dark" : "light";
}

export function fluentTheme(name: ThemeName): Theme {
  return name === "dark" ? webDarkTheme : webLightTheme;
}
