import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { catalogue, format, Lang, MessageKey } from "./messages";

export const LANG_KEY = "relata.explorer.lang";

export const LangContext = createContext<Lang>("en");

/** The language chosen before, else the browser's when it is Chinese, else English. */
export function initialLang(): Lang {
  const stored = localStorage.getItem(LANG_KEY);
  if (stored === "en" || stored === "zh") return stored;
  return navigator.language.toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** The translate function of the current language. */
export function useT(): (key: MessageKey, values?: Record<string, string | number>) => string {
  const lang = useContext(LangContext);
  const messages = catalogue(lang);
  return (key, values) => format(messages[key], values);
}

export function useLang(): Lang {
  return useContext(LangContext);
}
