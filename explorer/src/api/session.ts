import { fragmentWithoutToken, tokenFromFragment } from "./token-fragment";

/** Where the token is kept: this tab only, gone when it closes. */
export const TOKEN_KEY = "relata.explorer.token";

/** Takes a token from the address bar into session storage and removes it from the address and history. */
export function adoptFragmentToken(): void {
  const token = tokenFromFragment(window.location.hash);
  if (token === null) return;
  sessionStorage.setItem(TOKEN_KEY, token);
  const { pathname, search, hash } = window.location;
  window.history.replaceState(window.history.state, "", `${pathname}${search}${fragmentWithoutToken(hash)}`);
}

export function storedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function storeToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token.trim());
}

export function forgetToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}
