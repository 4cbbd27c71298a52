// The one factory for window options: every window gets the Electron security settings, so none can be
// created without them. Plain data (no electron import) so tests can check it without an Electron binary.

export const RENDERER_ORIGIN = 'app://renderer';
export const RENDERER_URL = `${RENDERER_ORIGIN}/index.html`;

export interface SecureWindowOptions {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  title: string;
  backgroundColor: string;
  autoHideMenuBar: boolean;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    experimentalFeatures: false;
    webviewTag: false;
    navigateOnDragDrop: false;
    spellcheck: false;
    devTools: boolean;
  };
}

export function secureWindowOptions(preloadPath: string, options: { devTools: boolean }): SecureWindowOptions {
  return {
    width: 980,
    height: 760,
    minWidth: 640,
    minHeight: 520,
    show: false,
    title: 'Arena Connect Doctor',
    backgroundColor: '#1e1e1e',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  };
}

export { CONTENT_SECURITY_POLICY } from '../../common/content-security-policy.js';
