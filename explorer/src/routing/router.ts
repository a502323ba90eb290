import { useEffect, useState } from "preact/hooks";
import { parseRoute, Route } from "./routes";

const listeners = new Set<() => void>();

/** Goes to a URL of the explorer without reloading the page. */
export function navigate(url: string): void {
  window.history.pushState(null, "", url);
  listeners.forEach((listener) => listener());
  window.scrollTo(0, 0);
}

/** The current view; re-renders on navigation and on the browser's back and forward. */
export function useRoute(): Route {
  const read = () => parseRoute(window.location.pathname, window.location.search);
  const [route, setRoute] = useState<Route>(read);
  useEffect(() => {
    const update = () => setRoute(read());
    listeners.add(update);
    window.addEventListener("popstate", update);
    return () => {
      listeners.delete(update);
      window.removeEventListener("popstate", update);
    };
  }, []);
  return route;
}

/** An in-app link: a real href (open in a new tab works), navigation without reload on a plain click. */
export function onLinkClick(event: MouseEvent, url: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(url);
}
