import { useCallback, useSyncExternalStore } from "react";
import { systemThemeName, themeNameFor, type ThemeName } from "./theme";

/** Where the pane learns the theme: the Office context inside Office, the system colour scheme elsewhere. */
export interface ThemeSource {
  /** The theme now. */
  current(): ThemeName;
  /** Calls back on every change, after which current() gives the new theme; returns how to stop listening. */
  subscribe(onChange: (name: ThemeName) => void): () => void;
}

export function useThemeName(source: ThemeSource): ThemeName {
  const subscribe = useCallback((onChange: () => void) => source.subscribe(onChange), [source]);
  return useSyncExternalStore(subscribe, source.current);
}

/** Follows prefers-color-scheme, live. */
export const systemThemeSource: ThemeSource = {
  current: systemThemeName,
  subscribe(onChange) {
    const query =
      typeof window !== "undefined" ? window.matchMedia?.("(prefers-color-scheme: dark)") : undefined;
    if (!query) return () => undefined;
    const listener = (event: MediaQueryListEvent) => onChange(event.matches ? "dark" : "light");
    query.addEventListener("change", listener);
    return () => query.removeEventListener("change", listener);
  },
};

/**
 * Reads Office.context.officeTheme. Excel raises no theme-change event (Office.EventType.OfficeThemeChanged is
 * Outlook's), so an Office theme is read when the pane loads; without one the system scheme decides, live.
 */
export function officeThemeSource(context: Pick<Office.Context, "officeTheme"> | undefined): ThemeSource {
  const officeTheme = (): ThemeName | undefined => themeNameFor(context?.officeTheme);
  return {
    current: () => officeTheme() ?? systemThemeSource.current(),
    subscribe: (onChange) =>
      officeTheme() === undefined ? systemThemeSource.subscribe(onChange) : () => undefined,
  };
}
