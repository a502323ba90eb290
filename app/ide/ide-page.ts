/** The IDE's files, by role, as cli/build-ide.js lists them in dist/ide/manifest.json. */
export interface IdeManifest {
  files: string[];
  ide: string;
  ideCss: string;
  editorWorker: string;
  jsonWorker: string;
  graphqlWorker: string;
}

/**
 * What the IDE's page and files may load: only this origin (scripts, workers, styles, fonts, images and
 * every request), no plugins, no framing. Inline styles are allowed because Monaco and React set style
 * attributes; inline scripts are not. Sent with the page and with every IDE file (workers get the policy
 * of their own script's response).
 */
export const IDE_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** Headers of the page and of every IDE file, besides its type and caching. */
export const IDE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": IDE_CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "x-frame-options": "DENY",
};

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
}

/** The IDE's page: the bundle's style sheet and script, and where its workers and the API are. Pure. */
export function idePage(manifest: IdeManifest, assetPath: string, graphqlPath: string): string {
  const asset = (file: string) => escapeHtml(`${assetPath}${file}`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Relata GraphQL IDE</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${asset(manifest.ideCss)}">
</head>
<body data-graphql-url="${escapeHtml(graphqlPath)}" data-editor-worker="${asset(manifest.editorWorker)}" data-json-worker="${asset(manifest.jsonWorker)}" data-graphql-worker="${asset(manifest.graphqlWorker)}">
<div id="relata-ide"></div>
<noscript>The GraphQL IDE needs JavaScript. The API itself answers POST requests at ${escapeHtml(graphqlPath)}.</noscript>
<script src="${asset(manifest.ide)}"></script>
</body>
</html>
`;
}

/** The page served when the IDE has not been built (dist/ide/ missing): says how to build it. Pure. */
export function ideMissingPage(graphqlPath: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Relata GraphQL IDE not built</title><link rel="icon" href="data:,"></head>
<body>
<h1>The GraphQL IDE is not built</h1>
<p>Build it once in the Relata folder with <code>npm run build</code> (it bundles GraphiQL from npm into
<code>dist/ide/</code>; <code>npm start</code> does it too), then reload this page.</p>
<p>The API works without it: send GraphQL as JSON to <code>POST ${escapeHtml(graphqlPath)}</code>.</p>
</body>
</html>
`;
}
