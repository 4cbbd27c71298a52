import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The preload runs in a sandboxed renderer, where only CommonJS with `require('electron')` works: bundle
// preload/index.ts and the contract it imports into one .cjs file, leaving electron external.
export default defineConfig({
  build: {
    outDir: fileURLToPath(new URL('./out/preload', import.meta.url)),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    lib: {
      entry: fileURLToPath(new URL('./preload/index.ts', import.meta.url)),
      formats: ['cjs'],
      fileName: () => 'preload.cjs',
    },
    rollupOptions: { external: ['electron'] },
  },
});
