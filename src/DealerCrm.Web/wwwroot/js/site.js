// DealerCrm site script. Everything here is attached by data-attributes: the Content-Security-Policy
// forbids inline script.

// A form with data-confirm asks before it is sent (disable a user, anonymise a customer, ...).
document.addEventListener('submit', (event) => {
    const message = event.target instanceof HTMLFormElement ? event.target.dataset.confirm : undefined;
    if (message && !window.confirm(message)) {
        event.preventDefault();
    }
});

// An element with data-show-if="Input.Kind:Company" shows only while that field has that value
// (company-only fields of the customer form, and the like).
// A radio group's (or checkbox's) value is the checked one's, not the first one's.
function fieldValue(name) {
    const fields = Array.from(document.querySelectorAll(`[name="${name}"]`));
    if (fields.length === 0) {
        return undefined;
    }
    if (fields[0].type === 'radio' || fields[0].type === 'checkbox') {
        return fields.find((field) => field.checked)?.value ?? '';
    }
    return fields[0].value;
}
function applyShowIf() {
    document.querySelectorAll('[data-show-if]').forEach((element) => {
        const [name, value] = element.dataset.showIf.split(':');
        const current = fieldValue(name);
        if (current !== undefined) {
            // A block holding a field the server refused always shows, so its message is seen.
            element.hidden = current !== value && !element.querySelector('.is-invalid');
        }
    });
}
document.addEventListener('change', (event) => {
    if (event.target instanceof HTMLSelectElement || event.target instanceof HTMLInputElement) {
        applyShowIf();
    }
});
document.addEventListener('DOMContentLoaded', applyShowIf);

// An element with data-poll-url polls that URL for {state, done, total} every second, moves its
// progress bar, and reloads the page when the work is over (the server then renders the report).
document.querySelectorAll('[data-poll-url]').forEach((element) => {
    const bar = element.querySelector('[data-progress-bar]');
    const text = element.querySelector('[data-progress-text]');
    const poll = async () => {
        const response = await fetch(element.dataset.pollUrl, { headers: { Accept: 'application/json' } });
        if (!response.ok) {
            return;
        }
        const status = await response.json();
        const percent = status.total === 0 ? 100 : Math.floor((status.done * 100) / status.total);
        if (bar) {
            bar.style.width = `${percent}%`;
            bar.parentElement?.setAttribute('aria-valuenow', String(percent));
        }
        if (text) {
            text.textContent = `${status.done} / ${status.total}`;
        }
        if (status.state === 'Running' || status.state === 'Queued') {
            window.setTimeout(poll, 1000);
        } else {
            window.location.reload();
        }
    };
    window.setTimeout(poll, 500);
});
