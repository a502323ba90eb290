/** The token in a URL fragment (`#token=…`, possibly among other parameters), or null. Pure. */
export function tokenFromFragment(hash: string): string | null {
  const params = new URLSearchParams(hash.startsWith("#") ? hash.slice(1) : hash);
  const token = params.get("token")?.trim();
  return token ? token : null;
}

/** The fragment without its token, "" when nothing else was in it. Pure. */
export function fragmentWithoutToken(hash: string): string {
  const params = new URLSearchParams(hash.startsWith("#") ? hash.slice(1) : hash);
  params.delete("token");
  const rest = params.toString();
  return rest ? `#${rest}` : "";
}
