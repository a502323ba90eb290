// The Relata GraphQL IDE: GraphiQL, bundled from npm by cli/build-ide.js and served by the API itself, so it
// works offline and talks to no origin but this API (the page's Content-Security-Policy forbids any other).
// Plain JavaScript: it runs in the browser and is bundled by esbuild, not compiled by the server's tsc.
import { createElement as h, StrictMode, useEffect, useMemo, useState } from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import "./relata-ide.css";

/** Where a token is kept when the user ticks "remember"; nowhere otherwise. */
const TOKEN_KEY = "relata.ide.token";
const settings = document.body.dataset;

// Monaco's language workers come from this API too (built beside the page's bundle), never from a CDN.
globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const url =
      label === "json" ? settings.jsonWorker : label === "graphql" ? settings.graphqlWorker : settings.editorWorker;
    return new Worker(url, { name: `relata-ide-${label}` });
  },
};

const DEFAULT_QUERY = `# Relata's GraphQL API. Paste a bearer token in the field above; get one with
#   npm run --silent token -- --tenant demo --role admin
# Then run this query (Ctrl-Enter) or browse the documentation (the book icon).
{
  viewer {
    tenant
    role
  }
}
`;

function storedToken() {
  try {
    return window.localStorage.getItem(TOKEN_KEY);
  } catch {
    return null; // storage disabled: nothing was remembered
  }
}

function rememberToken(token) {
  try {
    if (token) window.localStorage.setItem(TOKEN_KEY, token);
    else window.localStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage disabled: the token lives in this page only, as if "remember" were off.
  }
}

/** A token as pasted, with or without its "Bearer " prefix and surrounding blanks. */
function normalizeToken(text) {
  return text.trim().replace(/^bearer\s+/i, "");
}

/** GraphiQL's fetcher: POSTs JSON to this API with the token as `Authorization: Bearer`. */
function createFetcher(url, token) {
  return async (params, options) => {
    const headers = { ...options?.headers, "content-type": "application/json", accept: "application/json" };
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(url, {
      method: "POST",
      headers,
      body: JSON.stringify(params),
      credentials: "omit",
      cache: "no-store",
    });
    const type = response.headers.get("content-type") ?? "";
    if (type.includes("json")) return response.json();
    const text = await response.text();
    return { errors: [{ message: `HTTP ${response.status} from ${url}: ${text.slice(0, 300)}` }] };
  };
}

function TokenBar({ draft, onDraft, onCommit, remember, onRemember }) {
  return h(
    "form",
    {
      className: "relata-ide-token",
      onSubmit: (event) => {
        event.preventDefault();
        onCommit();
      },
    },
    h("strong", { className: "relata-ide-title" }, "Relata"),
    h(
      "label",
      { className: "relata-ide-token-field" },
      h("span", null, "Bearer token"),
      h("input", {
        type: "password",
        name: "token",
        autoComplete: "off",
        spellCheck: false,
        placeholder: "paste a token from `npm run token`",
        value: draft,
        onChange: (event) => onDraft(event.target.value),
        onBlur: onCommit,
      }),
    ),
    h(
      "label",
      { className: "relata-ide-remember" },
      h("input", {
        type: "checkbox",
        name: "remember",
        checked: remember,
        onChange: (event) => onRemember(event.target.checked),
      }),
      h("span", null, "Remember in this browser"),
    ),
    h(
      "span",
      { className: "relata-ide-note" },
      remember ? "Kept in this browser's local storage until you untick." : "Kept in this page only.",
    ),
  );
}

function RelataIde() {
  const initial = useMemo(() => storedToken(), []);
  const [draft, setDraft] = useState(initial ?? "");
  const [token, setToken] = useState(initial ?? "");
  const [remember, setRemember] = useState(initial !== null);
  const commit = () => setToken(normalizeToken(draft));

  // A token is usually pasted; typing one key at a time would otherwise fetch the schema on every key.
  useEffect(() => {
    const timer = setTimeout(() => setToken(normalizeToken(draft)), 300);
    return () => clearTimeout(timer);
  }, [draft]);
  useEffect(() => rememberToken(remember ? token : ""), [remember, token]);
  // A new fetcher makes GraphiQL fetch the schema again, now with this token.
  const fetcher = useMemo(() => createFetcher(settings.graphqlUrl, token), [token]);

  return h(
    "div",
    { className: "relata-ide" },
    h(TokenBar, { draft, onDraft: setDraft, onCommit: commit, remember, onRemember: setRemember }),
    h(
      "main",
      { className: "relata-ide-graphiql" },
      h(GraphiQL, { fetcher, defaultQuery: DEFAULT_QUERY, shouldPersistHeaders: false }),
    ),
  );
}

createRoot(document.getElementById("relata-ide")).render(h(StrictMode, null, h(RelataIde)));
