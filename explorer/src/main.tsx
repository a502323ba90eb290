import { render } from "preact";
import { adoptFragmentToken } from "./api/session";
import { App } from "./app";
import "./styles.css";

// Before anything renders: a token in the address bar moves to session storage and out of the history.
adoptFragmentToken();
// A link with a token opened in a tab already on the same page changes only the fragment: start over.
window.addEventListener("hashchange", () => {
  if (window.location.hash.includes("token=")) {
    adoptFragmentToken();
    window.location.reload();
  }
});
render(<App />, document.getElementById("app")!);
