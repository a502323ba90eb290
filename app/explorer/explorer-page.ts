/**
 * What the explorer's page and files may load: only this origin, no inline scripts, no framing. Inline
 * styles are allowed because the chart and graph libraries position elements with style attributes.
 */
export const EXPLORER_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** Headers of the explorer's page and files, besides their type and caching. */
export const EXPLORER_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": EXPLORER_CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  // The page may carry a token in its fragment until the app removes it; never send the URL elsewhere.
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "x-frame-options": "DENY",
};

/** The page answered when dist/explorer/ is missing (dependencies installed without the dev ones). */
export function explorerMissingPage(): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Relata Explorer is not built</title></head>
<body>
<h1>The explorer is not built</h1>
<p>Install the dev dependencies and build it: <code>npm ci &amp;&amp; npm run build</code>, then reload.</p>
</body>
</html>
`;
}
