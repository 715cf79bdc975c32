// The article and story views, and the entity chips every view shares.
import { api } from './api.js';
import { $, clear, el, safeUrl, timeElement } from './dom.js';
import { LABELS } from './state.js';

/** A click-to-filter chip of one entity or tag. */
export function entityChip(param, value, count) {
  return el('button', {
    type: 'button', className: `entity-chip entity-${param}`, title: `Filter by ${LABELS[param].toLowerCase()} ${value}`,
    dataset: { facet: param, value },
  }, value, count ? el('span', { className: 'count' }, String(count)) : null);
}

const percent = (value) => (typeof value === 'number' ? ` (${Math.round(value * 100)} % confidence)` : '');

export function entityGroups(groups) {
  const lists = groups.filter(([, items]) => items.length).map(([param, items, heading]) => el('div', { className: 'entity-group' },
    el('h4', {}, heading),
    el('ul', { className: 'chip-list' }, items.map(({ value, count }) => el('li', {}, entityChip(param, value, count))))));
  return lists.length ? lists : [el('p', { className: 'quiet' }, 'None found.')];
}

const mentionCounts = (entities, names) => (entities?.length
  ? entities.map((entity) => ({ value: entity.name, count: entity.mentions }))
  : (names ?? []).map((value) => ({ value })));

export async function renderArticle(root, id) {
  const [article, similar] = await Promise.all([
    api(`/api/v1/articles/${encodeURIComponent(id)}`),
    api(`/api/v1/articles/${encodeURIComponent(id)}/similar?size=5`).catch(() => ({ similar: [] })),
  ]);
  $('.article-title', root).textContent = article.title ?? '(untitled)';
  $('.article-source', root).textContent = article.source ?? '';
  $('.article-time', root).replaceWith(timeElement(article.publishedAt, 'article-time'));
  $('.article-category', root).textContent = article.category ? `${article.categoryName ?? article.category}${percent(article.categoryConfidence)}` : 'No category';
  const link = $('.article-original', root);
  const href = safeUrl(article.url);
  if (href) {
    link.href = href;
    link.hidden = false;
  } else {
    link.removeAttribute('href');
    link.hidden = true;
  }
  $('.article-nolink', root).hidden = Boolean(href);
  $('.article-lede', root).textContent = article.lede ?? '';
  $('.article-summary', root).textContent = article.summary || 'No summary.';
  const keywords = article.keywords ?? [];
  clear($('.article-keywords', root), keywords.length ? keywords.map((keyword) => el('li', {},
    keyword.term, typeof keyword.score === 'number' ? el('span', { className: 'count' }, keyword.score.toFixed(2)) : null))
    : el('li', { className: 'quiet' }, 'None.'));
  clear($('.article-entities', root), entityGroups([
    ['person', mentionCounts(article.mentions?.people, article.people), 'People'],
    ['organization', mentionCounts(article.mentions?.organizations, article.organizations), 'Organisations'],
    ['place', mentionCounts(article.mentions?.places, article.places), 'Places'],
    ['tag', (article.tags ?? []).map((value) => ({ value })), 'Tags'],
  ]));
  const story = $('.article-story', root);
  clear(story, article.storyId && article.storySize > 1
    ? el('button', { type: 'button', className: 'open-story', dataset: { storyId: article.storyId } },
      `Story: ${article.storySize} articles`)
    : null);
  clear($('#similar', root), similar.similar.length
    ? similar.similar.map((hit) => el('li', { className: 'similar', dataset: { articleId: hit.id } },
      el('a', { href: `/?article=${encodeURIComponent(hit.id)}`, className: 'open-article', dataset: { articleId: hit.id } },
        hit.title ?? '(untitled)'),
      ' ', el('span', { className: 'source' }, hit.source ?? '')))
    : el('li', { className: 'quiet' }, 'No similar articles.'));
  return article.title;
}

export async function renderStory(root, id) {
  const story = await api(`/api/v1/stories/${encodeURIComponent(id)}`);
  $('.story-title', root).textContent = story.title ?? '(untitled story)';
  clear($('.story-sources', root), story.sources.map((source) => el('li', {}, entityChip('source', source.value, source.count))));
  clear($('.story-articles', root), story.articles.map((article) => el('li', { className: 'story-article', dataset: { articleId: article.id } },
    timeElement(article.publishedAt), ' ',
    el('a', { href: `/?article=${encodeURIComponent(article.id)}`, className: 'open-article', dataset: { articleId: article.id } },
      article.title ?? '(untitled)'),
    ' ', el('span', { className: 'source' }, article.source ?? ''),
    ' ', el('span', { className: 'language' }, article.language ?? ''))));
  clear($('.story-entities', root), entityGroups([
    ['person', story.entities.people ?? [], 'People'],
    ['organization', story.entities.organizations ?? [], 'Organisations'],
    ['place', story.entities.places ?? [], 'Places'],
    ['tag', story.entities.tags ?? [], 'Tags'],
  ]));
  return story.title;
}
