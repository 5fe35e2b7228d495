// The call page's timer: how long the agent has been on this task, shown as m:ss and sent with
// the call (the server bounds it). The start is kept per task and version for the browser tab,
// so a reveal or a refused form (each a new page) does not restart it, and the next try (a new
// version) starts afresh.
document.querySelectorAll('form[data-call-timer]').forEach((form) => {
    const key = `call-start-${form.dataset.callTimer}`;
    const field = form.querySelector('[data-call-seconds]');
    const clock = form.querySelector('[data-call-clock]');
    let start = Number(window.sessionStorage.getItem(key));
    if (!start) {
        start = Date.now();
        window.sessionStorage.setItem(key, String(start));
    }
    const tick = () => {
        const seconds = Math.max(0, Math.floor((Date.now() - start) / 1000));
        field.value = String(seconds);
        clock.textContent = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
    };
    tick();
    window.setInterval(tick, 1000);
    form.addEventListener('submit', tick);
});
