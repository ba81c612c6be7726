import type { APIRoute } from 'astro';
import { messagesApi } from '../../archive/api.ts';
import { loadReview } from '../../site/archive.ts';

export const GET: APIRoute = async () => Response.json(messagesApi(await loadReview()));
