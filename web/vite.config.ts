import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app lives in web/ and is served by the Fastify API at the same origin.
// In development, Vite proxies the API paths to the API server (API_URL, default 127.0.0.1:3000).
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:3000';
const proxiedPaths = ['/api', '/healthz', '/readyz'];
const proxy = Object.fromEntries(proxiedPaths.map((path) => [path, { target: apiTarget, changeOrigin: false }]));

export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // antd is the largest dependency; it is split into its own cached chunks below.
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
            // antd is split in three (its components, the rc-component primitives, icons and CSS-in-JS) to keep each
            // chunk under the warning limit as the admin pages use more components.
            { name: 'antd', test: /[\\/]node_modules[\\/](antd|@emotion|dayjs)[\\/]/ },
            { name: 'rc-component', test: /[\\/]node_modules[\\/]@rc-component[\\/]/, priority: 1 },
            { name: 'ant-design', test: /[\\/]node_modules[\\/]@ant-design[\\/]/, priority: 1 },
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
