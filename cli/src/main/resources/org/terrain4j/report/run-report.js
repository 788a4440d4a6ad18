// Draws a Terrain training report from the JSON in #report-data (see RunReport.java).
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('report-data').textContent);
  const series = data.series;
  const iterations = series.iteration || [];
  const rateChanges = data.events.filter(e => e.rateChange);

  function pairs(values, positiveOnly) {
    return iterations.map((x, i) => {
      const y = values ? values[i] : null;
      return [x, y === null || (positiveOnly && !(y > 0)) ? null : y];
    });
  }

  function line(name, values, options) {
    return Object.assign({ name: name, type: 'line', showSymbol: false, connectNulls: false,
                           sampling: 'lttb', data: pairs(values, options && options.positiveOnly) }, options || {});
  }

  function chart(id, option) {
    const element = document.getElementById(id);
    const instance = echarts.init(element, null, { renderer: 'svg' });
    instance.setOption(Object.assign({
      animation: false,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 70, right: 30, top: 40, bottom: 50 },
      xAxis: { type: 'value', name: 'iteration', nameLocation: 'middle', nameGap: 28, min: 'dataMin', max: 'dataMax' }
    }, option));
    window.addEventListener('resize', () => instance.resize());
    return instance;
  }

  function note(id, text) {
    const element = document.getElementById(id);
    element.style.height = 'auto';
    element.className = 'note';
    element.textContent = text;
  }

  const decisionLines = {
    symbol: 'none', silent: false,
    label: { show: false },
    lineStyle: { color: '#c23531', type: 'dashed' },
    tooltip: { trigger: 'item', formatter: p => p.data.tip },
    data: rateChanges.map(e => ({ xAxis: e.iteration, tip: e.type + ' at iteration ' + e.iteration + ': ' + e.message }))
  };

  document.getElementById('summary').textContent = iterations.length
    ? (data.name + ': ' + iterations[iterations.length - 1] + ' iterations, ' + data.events.length + ' events, '
       + rateChanges.length + ' learning-rate changes.')
    : (data.name + ': no statistics rows yet.');

  const loss = line('mean mini-batch loss', series.loss);
  loss.markLine = decisionLines;
  chart('loss-chart', { yAxis: { type: 'value', name: 'loss', scale: true }, series: [loss] });

  if ((series.monitored || []).some(v => v !== null)) {
    const checked = line('value at the check', series.monitored, { connectNulls: true, showSymbol: true, symbolSize: 5 });
    checked.markLine = decisionLines;
    chart('monitored-chart', { yAxis: { type: 'value', name: 'value', scale: true }, series: [checked] });
  } else {
    note('monitored-chart', 'No check has run yet in this run.');
  }

  const layers = Object.keys(data.rates);
  if (layers.length) {
    const rateSeries = layers.map(layer => line(layer, data.rates[layer], { positiveOnly: true, step: 'start' }));
    rateSeries.push({
      name: 'decisions', type: 'scatter', symbolSize: 11, itemStyle: { color: '#c23531' },
      tooltip: { trigger: 'item', formatter: p => p.data.tip },
      data: rateChanges.map(e => {
        const after = Object.values(e.after).filter(v => v > 0);
        return { value: [e.iteration, after.length ? after[0] : null],
                 tip: e.type + ' at iteration ' + e.iteration + ': ' + e.message };
      }).filter(d => d.value[1] !== null)
    });
    chart('rate-chart', { yAxis: { type: 'log', name: 'learning rate' }, series: rateSeries });
  } else {
    note('rate-chart', 'No controlled layer reported a learning rate.');
  }

  chart('gradient-chart', { yAxis: { type: 'log', name: 'norm' },
                            series: [line('mean gradient norm', series.gradient_norm, { positiveOnly: true })] });

  if ((series.noise_scale || []).some(v => v !== null)) {
    chart('noise-chart', { yAxis: { type: 'log', name: 'examples' },
                           series: [line('gradient noise scale B_simple', series.noise_scale, { positiveOnly: true }),
                                    line('batch size', series.batch_size, { positiveOnly: true, step: 'start' })] });
  } else {
    note('noise-chart', 'The gradient noise scale was not measured yet in this run.');
  }

  if ((series.lambda_max || []).some(v => v !== null)) {
    chart('curvature-chart', { yAxis: { type: 'value', name: 'eigenvalue / trace', scale: true },
                               series: [line('lambda_max', series.lambda_max), line('lambda_min', series.lambda_min),
                                        line('trace', series.trace)] });
  } else {
    note('curvature-chart', 'Curvature probes were off in this run (TerrainListener.builder().curvature(...) turns them on).');
  }

  if (data.spectra.length) {
    chart('spectrum-chart', {
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', name: 'eigenvalue', nameLocation: 'middle', nameGap: 28, scale: true },
      yAxis: { type: 'value', name: 'density' },
      series: data.spectra.map(s => ({ name: 'iteration ' + s.iteration, type: 'line', showSymbol: false,
                                        data: s.grid.map((x, i) => [x, s.density[i]]) }))
    });
  } else {
    note('spectrum-chart', 'No curvature probe in this run kept its Lanczos quadrature.');
  }

  const body = document.querySelector('#events tbody');
  for (const e of data.events) {
    const row = body.insertRow();
    [e.iteration, e.epoch, e.type, e.terrain, e.message].forEach((value, column) => {
      const cell = row.insertCell();
      cell.textContent = String(value);
      if (column < 2) cell.className = 'number';
    });
  }
  document.body.setAttribute('data-drawn', 'true');
})();
