/** Manage links: the URL a confirmation offers, and the token a page was opened with. */

/** The manage link for a token: `manageUrl` with `{token}`, else this page with `#pxm-manage=<token>`. */
export function manageLinkFor(token: string, manageUrl: string | undefined): string {
  const encoded = encodeURIComponent(token);
  if (manageUrl?.includes('{token}')) return manageUrl.replace('{token}', encoded);
  const here = globalThis.location;
  return `${here.origin}${here.pathname}${here.search}#pxm-manage=${encoded}`;
}

/** The token in this page's `#pxm-manage=<token>`, if any. */
export function manageTokenInHash(): string | undefined {
  const match = /[#&]pxm-manage=([^&]+)/.exec(globalThis.location?.hash ?? '');
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/** Removes `#pxm-manage=` from the address once the visit it named is left. */
export function clearManageHash(): void {
  const here = globalThis.location;
  if (here?.hash.includes('pxm-manage=')) history.replaceState(null, '', here.pathname + here.search);
}

/** A click that the browser should handle itself: a modified click, or a link to another page. */
export function leftToBrowser(event: MouseEvent, manageUrl: string | undefined): boolean {
  return Boolean(manageUrl?.includes('{token}')) || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;
}
