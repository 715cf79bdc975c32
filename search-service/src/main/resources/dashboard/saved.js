// Saved searches and their live alerts: one server-sent event stream for all of them, those saved later included.
import { api } from './api.js';
import { $, clear, el } from './dom.js';
import { toSearch } from './state.js';
import { EventStream } from './stream.js';

const MAX_ALERTS = 20;

export class SavedSearches {
  constructor(panel, alerts, { current, open, openArticle, announce }) {
    this.panel = panel;
    this.alerts = alerts;
    this.current = current;
    this.open = open;
    this.openArticle = openArticle;
    this.announce = announce;
    this.list = $('.saved-list', panel);
    this.form = $('#save-form', panel);
    this.toggle = $('#save-search', panel);
    this.toggle.addEventListener('click', () => this.showForm(this.form.hidden));
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.save();
    });
    this.list.addEventListener('click', (event) => this.clicked(event));
    alerts.addEventListener('click', (event) => {
      const alert = event.target.closest('.alert');
      if (alert) this.openArticle(alert.dataset.articleId);
    });
  }

  showForm(show) {
    this.form.hidden = !show;
    this.toggle.setAttribute('aria-expanded', String(show));
    if (show) {
      const input = $('#saved-name', this.form);
      input.value = this.current().q || 'My search';
      input.focus();
      input.select();
    }
  }

  async refresh() {
    const { savedSearches } = await api('/api/v1/saved-searches');
    clear(this.list, savedSearches.length ? savedSearches.map((saved) => el('li', { className: 'saved-search', dataset: { id: saved.id } },
      el('a', { className: 'saved-open', href: `/${toSearch({ q: saved.query ?? '', filters: saved.filters ?? {}, sort: 'relevance' })}` }, saved.name),
      el('button', { type: 'button', className: 'saved-delete', attrs: { 'aria-label': `Delete saved search ${saved.name}` } }, '×')))
      : el('li', { className: 'quiet' }, 'None yet.'));
    this.saved = new Map(savedSearches.map((saved) => [saved.id, saved]));
    this.listen();
  }

  async save() {
    const state = this.current();
    const name = $('#saved-name', this.form).value.trim();
    if (!name) return;
    await api('/api/v1/saved-searches', { method: 'POST', body: { name, query: state.q || undefined, filters: state.filters } })
      .then(() => {
        this.showForm(false);
        this.announce(`Saved “${name}”.`);
        return this.refresh();
      })
      .catch((error) => this.announce(`Could not save: ${error.message}`));
  }

  async clicked(event) {
    const item = event.target.closest('.saved-search');
    if (!item) return;
    const saved = this.saved.get(item.dataset.id);
    if (event.target.closest('.saved-delete')) {
      await api(`/api/v1/saved-searches/${encodeURIComponent(item.dataset.id)}`, { method: 'DELETE' })
        .then(() => this.announce(`Deleted “${saved?.name ?? ''}”.`))
        .catch((error) => this.announce(`Could not delete: ${error.message}`));
      await this.refresh().catch(() => {});
    } else if (event.target.closest('.saved-open') && saved) {
      event.preventDefault();
      this.open(saved);
    }
  }

  listen() {
    // one stream per page; it reconnects by itself, and only a refused sign-in or a sign-out ends it
    if (this.stream && !this.stream.closed) return;
    this.stream = new EventStream('/api/v1/saved-searches/stream', {
      onEvent: (type, data) => {
        if (type === 'alert') this.alert(data);
        // says on the page whether alerts can arrive now: the service sends 'subscribed' once it streams to this page
        else if (type === 'subscribed') this.alerts.dataset.stream = 'open';
      },
      onState: (state) => { this.alerts.dataset.stream = state; },
    });
  }

  /** Ends the stream and forgets what was shown: the next caller sees only their own. */
  stop() {
    this.stream?.close();
    this.stream = null;
    delete this.alerts.dataset.stream;
    clear(this.alerts);
    clear(this.list);
    this.saved = new Map();
  }

  alert(data) {
    let savedSearch;
    let article;
    try {
      ({ savedSearch, article } = JSON.parse(data));
    } catch {
      return;
    }
    if (!savedSearch || !article) return;
    const name = savedSearch.name || 'Saved search';
    const alert = el('button', { type: 'button', className: 'alert', dataset: { articleId: article.id, savedId: savedSearch.id } },
      el('strong', {}, name), ': ', article.title ?? '(untitled)');
    this.alerts.prepend(alert);
    while (this.alerts.children.length > MAX_ALERTS) this.alerts.lastElementChild.remove();
  }
}
