// The lounge sheet on a tablet: each form is sent with fetch (its antiforgery token travels in
// the form). When the connection is down, a tick is kept in this tablet (localStorage) and sent
// when the connection returns; a photo cannot wait there, so the page says plainly it was not saved.
(function () {
    'use strict';
    var QUEUE = 'dealercrm.lounge.queue';
    var NOTICE = 'dealercrm.lounge.notice';
    var status = document.getElementById('lounge-status');
    if (!status) {
        return;
    }

    function load() {
        try {
            return JSON.parse(localStorage.getItem(QUEUE) || '[]');
        } catch (e) {
            return [];
        }
    }

    function store(queue) {
        if (queue.length) {
            localStorage.setItem(QUEUE, JSON.stringify(queue));
        } else {
            localStorage.removeItem(QUEUE);
        }
    }

    function say(text, kind) {
        status.textContent = text;
        status.className = 'alert alert-' + kind;
    }

    function newKey() {
        if (window.crypto && crypto.randomUUID) {
            return crypto.randomUUID();
        }
        return 'k' + Date.now().toString(36) + Math.random().toString(36).slice(2, 12);
    }

    function send(action, body) {
        return fetch(action, { method: 'POST', body: body, headers: { 'Accept': 'application/json' }, credentials: 'same-origin' });
    }

    async function answerOf(response) {
        try {
            return await response.json();
        } catch (e) {
            return null;
        }
    }

    function markPending() {
        var queue = load();
        document.querySelectorAll('[data-pending]').forEach(function (el) { el.classList.add('d-none'); });
        queue.forEach(function (entry) {
            var form = document.querySelector('form[data-testid="' + entry.form + '"]');
            var pending = form && form.querySelector('[data-pending]');
            if (pending) {
                pending.classList.remove('d-none');
            }
        });
        if (queue.length) {
            say(status.dataset.pending.replace('{0}', queue.length), 'warning');
        }
    }

    var flushing = false;
    async function flush() {
        var queue = load();
        if (flushing || !queue.length || !navigator.onLine) {
            return;
        }
        flushing = true;
        var rest = [];
        var sent = 0;
        var refused = [];
        for (var i = 0; i < queue.length; i++) {
            var entry = queue[i];
            var body = new FormData();
            entry.fields.forEach(function (pair) { body.append(pair[0], pair[1]); });
            try {
                var response = await send(entry.action, body);
                if (response.ok) {
                    sent++;
                } else {
                    // Refused (the day closed meanwhile, say): it will never go through; say so.
                    var answer = await answerOf(response);
                    refused.push((answer && answer.errors || [response.status]).join(' '));
                }
            } catch (e) {
                rest.push(entry);
            }
        }
        store(rest);
        flushing = false;
        if (refused.length) {
            sessionStorage.setItem(NOTICE, JSON.stringify({ kind: 'danger', text: status.dataset.refused + ' ' + refused.join('；') }));
        } else if (sent) {
            sessionStorage.setItem(NOTICE, JSON.stringify({ kind: 'success', text: status.dataset.sent.replace('{0}', sent) }));
        }
        if (sent || refused.length) {
            location.reload();
        }
    }

    document.querySelectorAll('form[data-lounge-form]').forEach(function (form) {
        form.addEventListener('submit', async function (event) {
            event.preventDefault();
            var key = form.querySelector('input[name="Input.Key"]');
            if (key && !key.value) {
                key.value = newKey();
            }
            var data = new FormData(form);
            var hasPhoto = false;
            var fields = [];
            data.forEach(function (value, name) {
                if (value instanceof File) {
                    hasPhoto = hasPhoto || value.size > 0;
                } else {
                    fields.push([name, value]);
                }
            });
            var button = form.querySelector('button[type="submit"]');
            if (button) {
                button.disabled = true;
            }
            try {
                var response = await send(form.action, data);
                var answer = await answerOf(response);
                if (response.ok) {
                    sessionStorage.setItem(NOTICE, JSON.stringify({ kind: 'success', text: answer && answer.message || '' }));
                    location.reload();
                    return;
                }
                say((answer && answer.errors || [response.status]).join(' '), 'danger');
            } catch (e) {
                // No connection: keep the tick here (a photo cannot wait in the tablet).
                if (hasPhoto) {
                    say(status.dataset.photo, 'danger');
                } else {
                    var queue = load();
                    queue.push({ action: form.action, form: form.dataset.testid || '', fields: fields });
                    store(queue);
                    if (key) {
                        key.value = '';
                    }
                    markPending();
                    say(status.dataset.queued, 'warning');
                }
            }
            if (button) {
                button.disabled = false;
            }
        });
    });

    var notice = sessionStorage.getItem(NOTICE);
    if (notice) {
        sessionStorage.removeItem(NOTICE);
        try {
            var parsed = JSON.parse(notice);
            if (parsed.text) {
                say(parsed.text, parsed.kind);
            }
        } catch (e) {
            // Ignore a damaged notice.
        }
    }
    markPending();
    window.addEventListener('online', flush);
    // A tablet may miss the online event (asleep): try again now and then.
    setInterval(flush, 20000);
    flush();
}());
