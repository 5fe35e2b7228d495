// DealerCrm site script. Everything here is attached by data-attributes: the Content-Security-Policy
// forbids inline script.

// A form with data-confirm asks before it is sent (disable a user, anonymise a customer, ...).
document.addEventListener('submit', (event) => {
    const message = event.target instanceof HTMLFormElement ? event.target.dataset.confirm : undefined;
    if (message && !window.confirm(message)) {
        event.preventDefault();
    }
});
