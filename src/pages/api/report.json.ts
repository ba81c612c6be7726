import type { APIRoute } from 'astro';
import { reportApi } from '../../archive/api.ts';
import { readIngestReport } from '../../loader/cache.ts';
import { loadArchive } from '../../site/archive.ts';

export const GET: APIRoute = async () => Response.json(reportApi(await loadArchive(), readIngestReport()));
