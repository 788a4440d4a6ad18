// Draws a Terrain study report from the JSON in #report-data (see StudyReport.java).
(function () {
  'use strict';
  const data = JSON.parse(document.getElementById('report-data').textContent);
  const trials = data.trials;
  const maximize = data.direction === 'MAXIMIZE';
  const scored = trials.filter(t => t.score !== null);

  function chart(id, option) {
    const instance = echarts.init(document.getElementById(id), null, { renderer: 'svg' });
    instance.setOption(Object.assign({ animation: false, tooltip: {}, grid: { left: 70, right: 40, top: 40, bottom: 50 } },
                                     option));
    window.addEventListener('resize', () => instance.resize());
  }

  function note(id, text) {
    const element = document.getElementById(id);
    element.style.height = 'auto';
    element.className = 'note';
    element.textContent = text;
  }

  document.getElementById('summary').textContent = data.name + ': ' + trials.length + ' trials ('
    + ['COMPLETE', 'PRUNED', 'FAILED', 'RUNNING'].map(s => trials.filter(t => t.state === s).length + ' '
    + s.toLowerCase()).join(', ') + '); ' + (maximize ? 'maximizes' : 'minimizes') + ' the score; generator '
    + data.generator + '.';

  if (scored.length) {
    let best = null;
    const bestSoFar = [];
    for (const t of trials) {
      if (t.score !== null && (best === null || (maximize ? t.score > best : t.score < best))) best = t.score;
      if (best !== null) bestSoFar.push([t.number, best]);
    }
    chart('history-chart', {
      legend: { top: 0 },
      xAxis: { type: 'value', name: 'trial', nameLocation: 'middle', nameGap: 28, minInterval: 1 },
      yAxis: { type: 'value', name: 'score', scale: true },
      series: [
        { name: 'trial score', type: 'scatter', symbolSize: 8,
          tooltip: { formatter: p => 'trial ' + p.data.value[0] + ' (' + p.data.state.toLowerCase() + '): ' + p.data.value[1] },
          data: scored.map(t => ({ value: [t.number, t.score], state: t.state,
                                   itemStyle: { color: t.state === 'PRUNED' ? '#999' : '#5470c6' } })) },
        { name: 'best so far', type: 'line', step: 'end', showSymbol: false, data: bestSoFar }
      ]
    });
  } else {
    note('history-chart', 'No trial has a score yet.');
  }

  const withSteps = trials.filter(t => t.intermediate.length);
  if (withSteps.length) {
    chart('intermediate-chart', {
      tooltip: { trigger: 'item', formatter: p => 'trial ' + p.seriesName + ', epoch ' + p.data[0] + ': ' + p.data[1] },
      xAxis: { type: 'value', name: 'epoch', nameLocation: 'middle', nameGap: 28, minInterval: 1 },
      yAxis: { type: 'value', name: 'score', scale: true },
      series: withSteps.map(t => ({
        name: String(t.number), type: 'line', symbolSize: 4, connectNulls: false,
        lineStyle: { type: t.state === 'PRUNED' ? 'dashed' : 'solid', opacity: t.state === 'PRUNED' ? 0.6 : 1 },
        data: t.intermediate.map((v, i) => [i + 1, v])
      }))
    });
  } else {
    note('intermediate-chart', 'No trial reported a score after an epoch yet.');
  }

  if (scored.length && data.parameters.length) {
    const scores = scored.map(t => t.score);
    const axes = data.parameters.map((name, i) => ({ dim: i, name: 'p' + (i + 1), min: 0, max: 1 }));
    axes.push({ dim: data.parameters.length, name: 'score', scale: true });
    chart('parallel-chart', {
      parallelAxis: axes,
      parallel: { left: 60, right: 80, top: 40, bottom: 30 },
      visualMap: { type: 'continuous', dimension: data.parameters.length, min: Math.min(...scores),
                   max: Math.max(...scores), right: 0, top: 'middle', calculable: false,
                   inRange: { color: maximize ? ['#d73027', '#fee08b', '#1a9850'] : ['#1a9850', '#fee08b', '#d73027'] } },
      series: [{ type: 'parallel', lineStyle: { width: 1.5, opacity: 0.7 },
                 data: scored.map(t => Array.from(t.point).concat([t.score])) }]
    });
  } else {
    note('parallel-chart', 'No scored trial to draw.');
  }

  if (scored.length >= 3 && data.parameters.length) {
    chart('importance-chart', {
      grid: { left: 320, right: 40, top: 20, bottom: 40 },
      xAxis: { type: 'value', min: 0, max: 1, name: '|rank correlation|', nameLocation: 'middle', nameGap: 28 },
      yAxis: { type: 'category', data: data.parameters.map((name, i) => 'p' + (i + 1) + ' ' + name),
               axisLabel: { width: 300, overflow: 'truncate' } },
      series: [{ type: 'bar', data: data.importance }]
    });
  } else {
    note('importance-chart', 'Fewer than 3 scored trials.');
  }

  const body = document.querySelector('#trials tbody');
  for (const t of trials) {
    const row = body.insertRow();
    const decisions = t.decisions.map(d => d.summary).join(', ') || (t.state === 'RUNNING' ? '' : 'none recorded');
    [t.number, t.state.toLowerCase(), t.score === null ? '-' : t.score.toFixed(4), t.intermediate.length, decisions,
     t.parameters + (t.reason ? ' (' + t.reason + ')' : '')].forEach((value, column) => {
      const cell = row.insertCell();
      cell.textContent = String(value);
      if (column === 0 || column === 2 || column === 3) cell.className = 'number';
      if (column === 4 && t.decisions.length) cell.title = t.decisions.map(d => d.summary + ': ' + d.reason).join('\n');
    });
  }
  document.body.setAttribute('data-drawn', 'true');
})();
