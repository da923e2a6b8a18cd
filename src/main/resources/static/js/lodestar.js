// Lodestar's only script: sends the CSRF token with htmx requests and draws the charts described in data attributes,
// so that pages carry no inline script (the Content-Security-Policy forbids it).
(function () {
    function csrf(event) {
        var token = document.querySelector('meta[name="csrf-token"]');
        var header = document.querySelector('meta[name="csrf-header"]');
        if (token && header) {
            event.detail.headers[header.content] = token.content;
        }
    }

    // ECharts is most of a page's weight, so it is fetched only when a page (or an htmx fragment) has a chart
    var chartsLoading = null;

    function withCharts(root) {
        if (!root.querySelector || !root.querySelector('[data-chart]')) {
            return;
        }
        if (window.echarts) {
            drawCharts(root);
            return;
        }
        if (!chartsLoading) {
            chartsLoading = new Promise(function (resolve, reject) {
                var script = document.createElement('script');
                script.src = document.querySelector('meta[name="charts-src"]').content;
                script.onload = resolve;
                script.onerror = reject;
                document.head.appendChild(script);
            });
        }
        chartsLoading.then(function () {
            drawCharts(root);
        });
    }

    function drawCharts(root) {
        root.querySelectorAll('[data-chart]').forEach(function (element) {
            var spec = JSON.parse(element.getAttribute('data-chart'));
            var existing = echarts.getInstanceByDom(element);
            if (existing) {
                existing.dispose();
            }
            if (spec.bars) {
                // counts stacked by status, one bar per category (the home pages' KPIs by goal), in the statuses'
                // colours of lodestar.css so that chart and badges agree
                var style = getComputedStyle(document.documentElement);
                echarts.init(element).setOption({
                    aria: {enabled: true},
                    animation: false,
                    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
                    legend: {bottom: 0},
                    grid: {left: 10, right: 20, top: 10, bottom: 40, containLabel: true},
                    xAxis: {type: 'value', minInterval: 1},
                    yAxis: {type: 'category', inverse: true, data: spec.categories,
                        axisLabel: {width: 260, overflow: 'truncate'}},
                    series: spec.bars.map(function (bar) {
                        return {
                            name: bar.name, type: 'bar', stack: 'status', data: bar.data, barMaxWidth: 28,
                            itemStyle: {color: style.getPropertyValue('--' + bar.status.toLowerCase().replace('_', '-')).trim()}
                        };
                    })
                });
                element.setAttribute('data-chart-ready', 'true');
                return;
            }
            if (spec.series) {
                // a chart whose series the server described in full (enrollment: stacked history, forecast bands)
                echarts.init(element).setOption({
                    aria: {enabled: true},
                    animation: false,
                    tooltip: {trigger: 'axis'},
                    legend: {bottom: 0, type: 'scroll'},
                    grid: {left: 60, right: 20, top: 20, bottom: 60},
                    xAxis: {type: 'category', data: spec.years, boundaryGap: false},
                    yAxis: {type: 'value', scale: !spec.fromZero},
                    series: spec.series
                });
                element.setAttribute('data-chart-ready', 'true');
                return;
            }
            var series = [{
                name: spec.actualLabel, type: 'line', data: spec.actual, connectNulls: false, symbolSize: 8
            }];
            if (spec.target && spec.target.length) {
                series.push({
                    name: spec.targetLabel, type: 'line', data: spec.target, connectNulls: true,
                    lineStyle: {type: 'dashed'}, symbol: 'diamond'
                });
            }
            echarts.init(element).setOption({
                aria: {enabled: true},
                animation: false,
                tooltip: {trigger: 'axis'},
                legend: {bottom: 0},
                grid: {left: 50, right: 20, top: 20, bottom: 50},
                xAxis: {type: 'category', data: spec.years},
                yAxis: {type: 'value', scale: true},
                series: series
            });
            element.setAttribute('data-chart-ready', 'true');
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        document.body.addEventListener('htmx:configRequest', csrf);
        // a save refused because someone else saved first (409) answers with the form again, showing both versions:
        // htmx leaves error responses out unless told otherwise
        document.body.addEventListener('htmx:beforeSwap', function (event) {
            if (event.detail.xhr.status === 409) {
                event.detail.shouldSwap = true;
                event.detail.isError = false;
            }
        });
        document.body.addEventListener('htmx:afterSettle', function (event) {
            withCharts(event.target);
        });
        withCharts(document);
        document.querySelectorAll('[data-menu-toggle]').forEach(function (button) {
            button.addEventListener('click', function () {
                var nav = button.closest('nav');
                var open = nav.classList.toggle('open');
                button.setAttribute('aria-expanded', open ? 'true' : 'false');
            });
        });
        // a scenario form shows only the fields its kind uses (without this script every field shows, and the server
        // still refuses what a kind cannot use)
        document.querySelectorAll('form[data-scenario-form]').forEach(function (form) {
            var kind = form.querySelector('[data-scenario-kind]');
            function showFieldsOfKind() {
                form.querySelectorAll('[data-kinds]').forEach(function (field) {
                    field.hidden = field.getAttribute('data-kinds').split(' ').indexOf(kind.value) < 0;
                });
            }
            kind.addEventListener('change', showFieldsOfKind);
            showFieldsOfKind();
        });
        document.querySelectorAll('form[data-confirm]').forEach(function (form) {
            form.addEventListener('submit', function (event) {
                if (!window.confirm(form.getAttribute('data-confirm'))) {
                    event.preventDefault();
                }
            });
        });
    });
})();
