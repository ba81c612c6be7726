import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AstroPrerenderer } from 'astro';
import { bodyOnceRenderer, PageResponse } from './page-render.ts';

type RenderOptions = Parameters<AstroPrerenderer['render']>[1];
const routeData = { component: 'src/pages/m/[slug].astro', route: '/m/[slug]' } as unknown as RenderOptions['routeData'];
const page = '<!DOCTYPE html><p>Reviewed-by: Ré Viewer</p>';

function defaultPrerenderer(app?: { render: (request: Request) => Promise<Response> }): AstroPrerenderer & { app?: typeof app; renderedByDefault: number } {
  const prerenderer = {
    name: 'astro:default',
    app,
    renderedByDefault: 0,
    getStaticPaths: async () => [],
    render: async () => {
      prerenderer.renderedByDefault++;
      return new Response('by default');
    },
  };
  return prerenderer;
}

describe('bodyOnceRenderer', () => {
  it("hands on the app's page as it rendered it, with its status and headers, and the empty metadata of a page that reads no content entry", async () => {
    const renderer = bodyOnceRenderer(defaultPrerenderer({ render: async () => new Response(page, { status: 200, headers: { 'Content-Type': 'text/html' } }) }));
    const result = await renderer.render(new Request('https://archive.example/m/x/'), { routeData, collectMetadata: true });
    assert.ok(!(result instanceof Response));
    const { response, metadata } = result;
    assert.ok(response instanceof Response && response.body !== null);
    assert.equal(response.headers.get('content-type'), 'text/html');
    assert.equal(Buffer.from(await response.arrayBuffer()).toString('utf8'), page);
    assert.deepEqual(metadata, { contentEntryKeys: [], staticImages: [], referencedImages: [] });
    assert.ok((await renderer.render(new Request('https://archive.example/m/x/'), { routeData })) instanceof Response, 'a bare response when no metadata is asked for');
  });

  it("keeps a redirect's status and location, and a response without a body", async () => {
    const renderer = bodyOnceRenderer(defaultPrerenderer({ render: async () => new Response(null, { status: 301, headers: { Location: '/m/y/' } }) }));
    const response = (await renderer.render(new Request('https://archive.example/m/x/'), { routeData })) as Response;
    assert.equal(response.status, 301);
    assert.equal(response.headers.get('location'), '/m/y/');
    assert.equal(response.body, null);
  });

  it('renders with the default prerenderer when it has no app', async () => {
    const inner = defaultPrerenderer();
    const response = (await bodyOnceRenderer(inner).render(new Request('https://archive.example/'), { routeData })) as Response;
    assert.equal(await response.text(), 'by default');
    assert.equal(inner.renderedByDefault, 1);
  });
});

describe('PageResponse', () => {
  it('reads as the bytes it holds, as a stream too', async () => {
    const bytes = new TextEncoder().encode(page).buffer;
    assert.equal(await new PageResponse(bytes, {}).text(), page);
    assert.equal(await new Response(new PageResponse(bytes, {}).body).text(), page);
    assert.equal((await new PageResponse(null, { status: 204 }).arrayBuffer()).byteLength, 0);
  });
});
