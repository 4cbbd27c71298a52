import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { META_CONTENT_SECURITY_POLICY } from './common/content-security-policy.js';

// The renderer (wizard UI), built twice: out/renderer for the app (loaded by Electron from disk, hence
// base './'), and with `--mode bridge` out/renderer-bridge, the same wizard plus the development
// bridge's client, which the app's build must not carry. The CSP forbids inline scripts and styles, so
// nothing may be inlined: no data: modules, CSS in files, no source maps in production.
const root = fileURLToPath(new URL('./renderer', import.meta.url));

/** Writes the CSP <meta> from the same list as the header main/app sends (common/content-security-policy.ts). */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'doctor-csp-meta',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig(({ mode }) => ({
  root,
  base: './',
  plugins: [svelte(), contentSecurityPolicyMeta()],
  define: { __DOCTOR_BRIDGE__: JSON.stringify(mode === 'bridge') },
  build: {
    outDir: fileURLToPath(new URL(mode === 'bridge' ? './out/renderer-bridge' : './out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: mode === 'development',
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  server: { host: '127.0.0.1' },
}));
