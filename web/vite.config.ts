import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the hub at /app (src/web/web-app-routes.ts). No inline script or style in the build:
// the hub's Content-Security-Policy allows only files from /app.
export default defineConfig({
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Inlined assets would become data: URLs in scripts; keep every asset a file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    target: 'es2022',
  },
});
