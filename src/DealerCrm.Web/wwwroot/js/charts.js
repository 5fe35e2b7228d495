// Draws every [data-chart-option] element with Apache ECharts (vendored in lib/echarts).
// The option is JSON in a non-executed script element, so pages need no inline script.
(function () {
    'use strict';
    if (typeof echarts === 'undefined') {
        return;
    }
    var locale = (document.documentElement.lang || '').toLowerCase().indexOf('en') === 0 ? 'EN' : 'ZH';
    var charts = [];
    document.querySelectorAll('[data-chart-option]').forEach(function (element) {
        var source = document.getElementById(element.getAttribute('data-chart-option'));
        if (!source) {
            return;
        }
        var option = JSON.parse(source.textContent);
        // The height comes as data: the CSP (style-src 'self') refuses style attributes in markup, not CSSOM.
        element.style.height = (parseInt(element.getAttribute('data-chart-height'), 10) || 320) + 'px';
        // SVG keeps Chinese labels crisp when printed and zoomed.
        var chart = echarts.init(element, null, { locale: locale, renderer: 'svg' });
        if (option.animation === undefined) {
            option.animation = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        }
        chart.setOption(option);
        element.setAttribute('data-chart-ready', 'true');
        charts.push(chart);
    });
    window.addEventListener('resize', function () {
        charts.forEach(function (chart) { chart.resize(); });
    });
    window.addEventListener('beforeprint', function () {
        charts.forEach(function (chart) { chart.resize(); });
    });
})();
