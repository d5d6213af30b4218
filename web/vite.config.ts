import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
import { antdPerComponentImports } from './antd-imports';

// The web app lives in web/ and is served by the Fastify API at the same origin.
// In development, Vite proxies the API paths to the API server (API_URL, default 127.0.0.1:3000).
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:3000';
const proxiedPaths = ['/api', '/healthz', '/readyz'];
const proxy = Object.fromEntries(proxiedPaths.map((path) => [path, { target: apiTarget, changeOrigin: false }]));

export default defineConfig({
  root: webRoot,
  // Each text file is also written brotli- and gzip-compressed (.br, .gz), served by the API with preCompressed
  // (api/plugins/external/web-app.ts): a phone on a slow network downloads about a quarter of the bytes.
  plugins: [antdPerComponentImports(), react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024 })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: which chunks each page loads (tests/web-assets.test.ts holds the login page to a budget).
    manifest: true,
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        // Long-lived vendor chunks, so application changes do not invalidate them in browser caches.
        codeSplitting: {
          groups: [
            // A group also takes the modules its members import (includeDependenciesRecursively), so the groups that
            // others depend on are captured first (higher priority).
            {
              name: 'react',
              test: /[\\/]node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/,
              priority: 2,
            },
            // antd is not grouped: imported per component (antd-imports.ts), each page's chunk takes what it uses,
            // and what the login page and the layout use loads first. One antd group loaded every component at once.
            // ECharts (the targets dashboard only, loaded with its page).
            { name: 'echarts', test: /[\\/]node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'forms', test: /[\\/]node_modules[\\/](zod|react-hook-form|@hookform|i18next|react-i18next)[\\/]/ },
          ],
        },
      },
    },
  },
  server: { proxy },
  preview: { proxy },
});
