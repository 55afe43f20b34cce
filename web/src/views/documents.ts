import type { DocumentsResponse, JobView } from '../../../src/server/api-types.ts';
import { api } from '../api.ts';
import { formatCount, h, replace, uid } from '../dom.ts';
import { NO_FILTERS } from '../state.ts';
import { emptyNote, failureNote, latest, loadingNote, type Shell, type ViewHandle } from '../ui.ts';

const MAX_BYTES = 20 * 1024 * 1024;
const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** The stored documents, and a form to add one by upload or paste with visible progress. */
export function documentsView(shell: Shell): ViewHandle {
  const list = h('div', { 'aria-live': 'polite' });
  const fileId = uid('file');
  const pasteId = uid('paste');
  const nameId = uid('name');
  const dateId = uid('date');
  const file = h('input', { id: fileId, type: 'file', accept: '.txt,.md,.markdown,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf' });
  const paste = h('textarea', { id: pasteId, rows: 6, placeholder: 'Or paste the text of an article or paper here.' });
  const name = h('input', { id: nameId, type: 'text', placeholder: 'pasted.txt', autocomplete: 'off' });
  const date = h('input', { id: dateId, type: 'text', placeholder: 'YYYY-MM-DD', inputmode: 'numeric', size: 10, autocomplete: 'off' });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Add and code');
  const bar = h('progress', { max: 1, value: 0, 'aria-label': 'Progress of the document being added', hidden: true });
  const status = h('p', { class: 'job-status', role: 'status' });
  const form = h(
    'form',
    { class: 'add-doc', 'aria-labelledby': 'add-doc-title' },
    h('h3', { id: 'add-doc-title' }, 'Add a document'),
    h('div', { class: 'field' }, h('label', { for: fileId }, 'File (text, Markdown, HTML or PDF, up to 20 MB)'), file),
    h('div', { class: 'field wide' }, h('label', { for: pasteId }, 'Pasted text'), paste),
    h('div', { class: 'field' }, h('label', { for: nameId }, 'Name for pasted text'), name),
    h('div', { class: 'field' }, h('label', { for: dateId }, 'Date (if the document does not say)'), date),
    h('div', { class: 'field actions' }, submit),
    bar,
    status,
  );
  const root = h('section', { class: 'view', 'aria-labelledby': 'documents-title' }, h('h2', { id: 'documents-title' }, 'Documents'), list, form);
  const load = latest<DocumentsResponse>();
  let loaded = false;
  let stale = true;

  const render = (r: DocumentsResponse): void => {
    root.removeAttribute('aria-busy');
    if (r.documents.length === 0) {
      replace(list, emptyNote('No documents yet.', 'Add one with the form below, or run `detente ingest FILE` and reload.'));
      return;
    }
    replace(
      list,
      h(
        'table',
        { class: 'documents' },
        h('caption', { class: 'visually-hidden' }, 'Stored documents'),
        h('thead', {}, h('tr', {}, ...['Title', 'Date', 'File', 'Format', 'Events', ''].map((c) => h('th', { scope: 'col' }, c)))),
        h(
          'tbody',
          {},
          ...r.documents.map((d) =>
            h(
              'tr',
              { 'data-id': d.id },
              h('td', {}, d.title ?? d.name),
              h('td', { class: 'nowrap' }, d.date ?? '—'),
              h('td', {}, d.name),
              h('td', {}, d.format),
              h('td', { class: 'num' }, formatCount(d.events)),
              h(
                'td',
                {},
                h(
                  'button',
                  {
                    type: 'button',
                    class: 'link',
                    disabled: d.events === 0,
                    'aria-label': `Events of ${d.title ?? d.name}`,
                    onclick: () => shell.go((s) => ({ ...s, view: 'events', event: '', filters: { ...NO_FILTERS, doc: d.id } })),
                  },
                  'Show events',
                ),
              ),
            ),
          ),
        ),
      ),
    );
  };

  const fetchList = (): void => {
    stale = false;
    root.setAttribute('aria-busy', 'true');
    if (!loaded) replace(list, loadingNote('documents'));
    load(
      (signal) => api.documents(signal),
      (r) => {
        loaded = true;
        render(r);
      },
      (error) => {
        stale = true;
        root.removeAttribute('aria-busy');
        replace(list, failureNote('documents', error, fetchList));
      },
    );
  };

  const showJob = (job: JobView): void => {
    bar.hidden = false;
    if (job.total != null && job.total > 0) {
      bar.max = job.total;
      bar.value = Math.min(job.done, job.total);
    } else bar.removeAttribute('value');
    if (job.state === 'running') {
      status.textContent = `${job.label}${job.total != null ? ` — ${job.done} of ${job.total}` : ''}${job.note ? ` (${job.note})` : ''}…`;
      return;
    }
    submit.disabled = false;
    if (job.state === 'failed') {
      bar.hidden = true;
      status.textContent = `Could not add the document: ${job.error ?? 'unknown error'}. Check the file is text, Markdown, HTML or PDF and try again.`;
      status.className = 'job-status error';
      return;
    }
    bar.max = 1;
    bar.value = 1;
    const result = job.result;
    status.className = 'job-status done';
    replace(
      status,
      result?.duplicate
        ? `${result.name} is already in the ledger (same content); nothing was added. `
        : `Added ${result?.name ?? 'the document'}: ${formatCount(result?.events ?? 0)} events coded. `,
      result != null && (result.events > 0 || result.duplicate)
        ? h('button', { type: 'button', class: 'link', onclick: () => shell.go((s) => ({ ...s, view: 'events', event: '', filters: { ...NO_FILTERS, doc: result.docId } })) }, 'Show its events')
        : null,
    );
    form.reset();
    // Reloads every view's data, this list included.
    void shell.refreshDyads();
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    status.className = 'job-status';
    const picked = file.files?.[0];
    const text = paste.value;
    const when = date.value.trim();
    if (when !== '' && !PARTIAL_DATE.test(when)) {
      status.textContent = 'Write the date as YYYY, YYYY-MM or YYYY-MM-DD, or leave it empty.';
      date.focus();
      return;
    }
    if (picked == null && text.trim() === '') {
      status.textContent = 'Choose a file or paste some text first.';
      file.focus();
      return;
    }
    const body = picked ?? new Blob([text], { type: 'text/plain' });
    const docName = picked?.name ?? (name.value.trim() || `pasted-${new Date().toISOString().slice(0, 10)}.txt`);
    if (body.size > MAX_BYTES) {
      status.textContent = `That document is ${(body.size / 1024 / 1024).toFixed(1)} MB; the limit is 20 MB. Split it or add it with \`detente ingest\`.`;
      return;
    }
    submit.disabled = true;
    bar.hidden = false;
    bar.removeAttribute('value');
    status.textContent = `Sending ${docName}…`;
    api.upload(body, docName, when).then(
      (job) => {
        showJob(job);
        if (job.state === 'running') api.followJob(job.id, showJob);
      },
      (error: unknown) => {
        submit.disabled = false;
        bar.hidden = true;
        status.className = 'job-status error';
        status.textContent = `Could not send the document: ${error instanceof Error ? error.message : String(error)}.`;
      },
    );
  });

  return {
    root,
    show() {
      if (stale) fetchList();
    },
    invalidate() {
      stale = true;
    },
  };
}
