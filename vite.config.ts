import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// The renderer (wizard UI). Built to out/renderer and loaded by Electron from disk (hence base './'),
// or served by the development bridge. The CSP in renderer/index.html forbids inline scripts and
// styles, so nothing may be inlined: no data: modules, CSS in files, no source maps in production.
const root = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./out/renderer', import.meta.url));

export default defineConfig(({ mode }) => ({
  root,
  base: './',
  plugins: [svelte()],
  build: {
    outDir,
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
