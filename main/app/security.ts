// Electron security handlers: no navigation, no new windows, no webviews, no permissions. Written against
// small structural types so tests can drive them without an Electron binary.
import { allowedExternalLink } from '../service/external-links.js';

export interface PreventableEvent {
  preventDefault(): void;
}

export interface HardenableContents {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-attach-webview' | 'will-frame-navigate',
    listener: (event: PreventableEvent, ...rest: unknown[]) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface PermissionSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: (contents: unknown, permission: string) => boolean): void;
}

/** Every web contents the app creates gets these: the renderer is one page that never leaves itself. */
export function hardenContents(contents: HardenableContents, openExternal: (url: string) => void): void {
  const prevent = (event: PreventableEvent): void => event.preventDefault();
  contents.on('will-navigate', prevent);
  contents.on('will-frame-navigate', prevent);
  contents.on('will-redirect', prevent);
  contents.on('will-attach-webview', prevent);
  contents.setWindowOpenHandler(({ url }) => {
    // Links to Arena's and Onshape's help open in the system browser; nothing opens inside the app.
    const href = allowedExternalLink(url);
    if (href !== null) openExternal(href);
    return { action: 'deny' };
  });
}

/** The app needs no camera, microphone, notifications, geolocation, clipboard-read or anything else. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
