import { defineCollection } from 'astro:content';
import { contentPath } from './loader/content-path.ts';
import { mailLoader } from './loader/mail-loader.ts';

export const collections = {
  mails: defineCollection({ loader: mailLoader({ contentPath: contentPath() }) }),
};
