import type { APIRoute } from 'astro';
import { seriesApi } from '../../archive/api.ts';
import { loadReview } from '../../site/archive.ts';

export const GET: APIRoute = async () => Response.json(seriesApi(await loadReview()));
