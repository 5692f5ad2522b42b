// The admin token lives in sessionStorage: asked once per tab, gone when the tab closes. Storage can throw
// (disabled cookies, Safari private mode before 11): the token then lives for the page only.
const KEY = 'compagnon.adminToken';

export function readToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function saveToken(token: string): void {
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // Kept in memory by the caller.
  }
}

export function forgetToken(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
}
