import type { Harness } from './harness';

export interface WebServer {
  /** Origin of the app, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

/**
 * Makes the harness's API (which serves web/dist, built by global setup) listen on a free local port, for browser
 * tests. close() stops it; call it before h.close().
 */
export async function startWebServer(h: Harness): Promise<WebServer> {
  const url = await h.api.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    close: () => h.api.close(),
  };
}
