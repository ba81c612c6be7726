/**
 * A page's HTML goes from Astro's renderer to its file through streams: the renderer's
 * `Response` (the page encoded and copied into a stream), the default prerenderer's second
 * `Response` over the bytes read back from it when the incremental build collects metadata
 * (astro/dist/core/app/prerender.js), and the build's read of that one. On the 100,000-mail
 * archive those copies took 255 s of the main thread's 1,095 s of page generation. Sheaf renders
 * with the same app, reads the body once, and gives the build a response over those bytes.
 */
import type { AstroPrerenderer } from 'astro';

/** The part of Astro's prerender app (astro/dist/core/build/app.js) that renders a page. */
interface PrerenderApp {
  render(request: Request, options: { routeData: Parameters<AstroPrerenderer['render']>[1]['routeData'] }): Promise<Response>;
}

/** A response over bytes already in memory, read by the build with `arrayBuffer()`, copying nothing. */
export class PageResponse extends Response {
  readonly #bytes: ArrayBuffer | null;

  constructor(bytes: ArrayBuffer | null, init: ResponseInit) {
    super(null, init);
    this.#bytes = bytes;
  }

  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    const bytes = this.#bytes;
    if (bytes === null) return null;
    return new ReadableStream({
      start(controller) {
        controller.enqueue(new Uint8Array(bytes));
        controller.close();
      },
    });
  }

  override async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#bytes ?? new ArrayBuffer(0);
  }

  override async text(): Promise<string> {
    return new TextDecoder().decode(await this.arrayBuffer());
  }
}

/**
 * Astro's default prerenderer, rendering each page with its app and handing the body on once.
 * Sheaf's pages read no content entry and no image while rendering (their data comes from the
 * route data, computed before), so the metadata an incremental build records for each is empty,
 * as Astro's render scope collects it for them.
 */
export function bodyOnceRenderer(prerenderer: AstroPrerenderer & { app?: PrerenderApp }): AstroPrerenderer {
  return {
    ...prerenderer,
    async render(request, options) {
      const app = prerenderer.app;
      if (!app) return prerenderer.render(request, options);
      const rendered = await app.render(request, { routeData: options.routeData });
      const bytes = rendered.body === null ? null : await rendered.arrayBuffer();
      const response = new PageResponse(bytes, { status: rendered.status, statusText: rendered.statusText, headers: rendered.headers });
      return options.collectMetadata ? { response, metadata: { contentEntryKeys: [], staticImages: [], referencedImages: [] } } : response;
    },
  };
}
