// The leadership dashboard. Every figure comes from /api/dashboard (the scorecards, the dashboard
// read model, the lead list): the page computes nothing but the tiles' sums of what it was given.
(function () {
  'use strict';

  const TEXT = {
    zh: {
      skip: '跳到主要内容', title: '反诈台账 · 领导驾驶舱', campaign: '工作方案', asOf: '截至日期',
      latest: '最新', overview: '概况', gradeEXCELLENT: '优秀', gradePASS: '达标', gradeFAIL: '不达标',
      tileCases: '发案（起）', tileLoss: '损失（万元）', tileLeads: '上报线索', ranking: '社区排名',
      rankingNote: '得分与等级；点击社区查看评分明细', asTable: '以表格查看', rank: '名次', community: '社区',
      score: '得分', grade: '等级', heatmap: '逐月合规（社区 × 月）',
      heatmapNote: '每格：开展宣传、按时报送、佐证齐全三项中已达成的项数；点击查看明细',
      trend: '发案与损失趋势', trendNote: '每月发案数与损失金额（元）', month: '月份', cases: '发案',
      loss: '损失（元）', funnel: '线索漏斗', funnelNote: '上报、推送公安、公安签收、立案', stage: '环节',
      leads: '线索', groups: '重点人群覆盖', groupsNote: '面向各人群的宣传活动场次', group: '人群',
      events: '活动场次', communities: '社区', units: '开展单位', close: '关闭', linesCaption: '评分明细：每一项及其依据的事件',
      rule: '规则', period: '期间', points: '分值', basis: '依据事件', evidence: '佐证',
      publicityEvents: '宣传活动与佐证', live: '实时', liveOff: '连接中断，正在重连…', updated: '更新于',
      reported: '上报', delivered: '推送公安', acknowledged: '公安签收', caseFiled: '立案',
      held: '宣传', report: '报送', evidenceOk: '佐证', none: '无', noEvidence: '无佐证',
      document: '文件', photo: '佐证照片', scoreLine: '得分 {score}，{grade}，第 {rank} 名（截至 {asOf}，规则 {rulebook}）',
      ON_TIME: '按时', LATE: '迟报', MISSING: '未报', pending: '未到期', met: '达成',
      BASE: '基础分', PUBLICITY_MONTH_MISSED: '当月未开展宣传', EVIDENCE_MISSING: '缺佐证材料',
      REPORT_LATE: '月报迟报', REPORT_MISSING: '月报未报', RECTIFICATION_OVERDUE: '整改逾期',
      PENALTY: '扣分', COMMENDATION: '奖优', LEAD_CONFIRMED: '线索立案加分', CASE_RATE: '发案率',
      STUDENTS: '学生', ELDERLY: '老年人', MIGRANT_WORKERS: '务工人员', FINANCE_STAFF: '企业财务人员',
      STAY_AT_HOME_PARENTS: '全职家长', ONLINE_SHOPPERS: '网购人群', SINGLES: '单身人群', DISABLED: '残障人士',
      LOW_INCOME: '低收入人群', GENERAL_PUBLIC: '普通群众', casesSeries: '发案（起）', lossSeries: '损失（元）'
    },
    en: {
      skip: 'Skip to the dashboard', title: 'Fanzha Ledger · Leadership dashboard', campaign: 'Campaign',
      asOf: 'As of', latest: 'Latest', overview: 'Overview', gradeEXCELLENT: 'Excellent', gradePASS: 'Pass',
      gradeFAIL: 'Fail', tileCases: 'Fraud cases', tileLoss: 'Losses (10k yuan)', tileLeads: 'Leads reported',
      ranking: 'Community ranking', rankingNote: 'Score and grade; choose a community for its scorecard',
      asTable: 'Show as a table', rank: 'Rank', community: 'Community', score: 'Score', grade: 'Grade',
      heatmap: 'Monthly compliance (community × month)',
      heatmapNote: 'Each cell: how many of event held, report on time, evidence complete were met; choose one for details',
      trend: 'Fraud cases and losses', trendNote: 'Cases and losses (yuan) per month', month: 'Month',
      cases: 'Cases', loss: 'Losses (yuan)', funnel: 'Leads funnel',
      funnelNote: 'Reported, delivered to the police, acknowledged, case filed', stage: 'Stage', leads: 'Leads',
      groups: 'Target-group coverage', groupsNote: 'Publicity events addressing each group', group: 'Group',
      events: 'Events', communities: 'Communities', units: 'Units', close: 'Close',
      linesCaption: 'Scorecard lines and the events each rests on', rule: 'Rule', period: 'Period',
      points: 'Points', basis: 'Events', evidence: 'Evidence', publicityEvents: 'Publicity events and evidence',
      live: 'Live', liveOff: 'Connection lost, reconnecting…', updated: 'updated', reported: 'Reported',
      delivered: 'Delivered', acknowledged: 'Acknowledged', caseFiled: 'Case filed', held: 'event',
      report: 'report', evidenceOk: 'evidence', none: 'none', noEvidence: 'no evidence', document: 'document',
      photo: 'evidence photo', scoreLine: 'Score {score}, {grade}, rank {rank} (as of {asOf}, rulebook {rulebook})',
      ON_TIME: 'on time', LATE: 'late', MISSING: 'missing', pending: 'not due', met: 'met',
      BASE: 'Base', PUBLICITY_MONTH_MISSED: 'No publicity that month', EVIDENCE_MISSING: 'Evidence missing',
      REPORT_LATE: 'Report late', REPORT_MISSING: 'Report missing', RECTIFICATION_OVERDUE: 'Rectification overdue',
      PENALTY: 'Penalty', COMMENDATION: 'Commendation', LEAD_CONFIRMED: 'Lead filed as a case',
      CASE_RATE: 'Case rate', STUDENTS: 'Students', ELDERLY: 'Elderly', MIGRANT_WORKERS: 'Migrant workers',
      FINANCE_STAFF: 'Finance staff', STAY_AT_HOME_PARENTS: 'Stay-at-home parents',
      ONLINE_SHOPPERS: 'Online shoppers', SINGLES: 'Singles', DISABLED: 'Disabled', LOW_INCOME: 'Low income',
      GENERAL_PUBLIC: 'General public', casesSeries: 'Cases', lossSeries: 'Losses (yuan)'
    }
  };
  const GRADE_COLOUR = { EXCELLENT: '#2e7d32', PASS: '#f9a825', FAIL: '#c62828' };

  const state = {
    lang: localStorage.getItem('fanzha.lang') === 'en' ? 'en' : 'zh',
    campaignId: new URLSearchParams(location.search).get('campaignId') || '',
    asOf: new URLSearchParams(location.search).get('asOf') || '',
    view: null,
    drill: null,
    drillUnit: null,
    loading: false,
    again: false,
    updates: 0
  };
  const charts = {};
  const $ = (id) => document.getElementById(id);
  const t = (key) => (TEXT[state.lang][key] !== undefined ? TEXT[state.lang][key] : key);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined) return;
      if (k === 'className') node.className = v;
      else if (k === 'text') node.textContent = v;
      else node.setAttribute(k, v);
    });
    children.flat(Infinity).forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return node;
  }

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  }

  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init($(id), null, { renderer: 'canvas' });
    return charts[id];
  }

  async function getJson(path) {
    // from the origin alone: a page opened as http://user:pass@host/ may not fetch relative URLs
    const response = await fetch(location.origin + path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!response.ok) {
      let detail = response.status + ' ' + response.statusText;
      try { detail = (await response.json()).detail || detail; } catch (ignored) { /* not JSON */ }
      throw new Error(detail);
    }
    return response.json();
  }

  function query() {
    const params = new URLSearchParams();
    if (state.campaignId) params.set('campaignId', state.campaignId);
    if (state.asOf) params.set('asOf', state.asOf);
    const q = params.toString();
    return q ? '?' + q : '';
  }

  async function load() {
    try {
      const view = await getJson('/api/dashboard' + query());
      state.view = view;
      $('problem').hidden = true;
      render();
      if (state.drillUnit) await openDrillDown(state.drillUnit, false);
      state.updates += 1;
      document.body.dataset.updates = String(state.updates);
      document.body.dataset.loaded = 'true';
    } catch (e) {
      $('problem').textContent = e.message;
      $('problem').hidden = false;
    }
  }

  // Facts arrive in bursts: one load at a time, and one more after it if anything came meanwhile.
  async function refresh() {
    if (state.loading) { state.again = true; return; }
    state.loading = true;
    try { await load(); } finally {
      state.loading = false;
      if (state.again) { state.again = false; refresh(); }
    }
  }

  function applyLanguage() {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-i18n]').forEach((n) => { n.textContent = t(n.dataset.i18n); });
    document.title = t('title');
    const toggle = $('lang');
    toggle.textContent = state.lang === 'zh' ? 'English' : '中文';
    toggle.setAttribute('lang', state.lang === 'zh' ? 'en' : 'zh-CN');
    toggle.setAttribute('aria-pressed', String(state.lang === 'en'));
  }

  function render() {
    const v = state.view;
    if (!v) return;
    $('campaign').replaceChildren(...v.campaigns.map((c) => el('option', { value: c.campaignId, text: c.title })));
    $('campaign').value = v.campaignId;
    $('campaign-title').textContent = v.title + ' · ' + t('asOf') + ' ' + v.asOf;
    if (!state.asOf) $('as-of').value = v.asOf;
    renderTiles(v);
    renderRanking(v);
    renderHeatmap(v);
    renderTrend(v);
    renderFunnel(v);
    renderGroups(v);
  }

  function renderTiles(v) {
    const count = (g) => v.ranking.filter((r) => r.grade === g).length;
    $('tile-excellent').textContent = count('EXCELLENT');
    $('tile-pass').textContent = count('PASS');
    $('tile-fail').textContent = count('FAIL');
    $('tile-cases').textContent = v.trend.reduce((s, m) => s + m.cases, 0);
    $('tile-loss').textContent = (v.trend.reduce((s, m) => s + Number(m.lossYuan), 0) / 10000).toFixed(1);
    $('tile-leads').textContent = v.leads.reported;
  }

  function communityButton(row) {
    const button = el('button', { type: 'button', className: 'community', 'data-unit': row.unitId, text: row.unitName || row.unitId });
    button.addEventListener('click', () => openDrillDown(row.unitId, true));
    return button;
  }

  function renderRanking(v) {
    const rows = v.ranking;
    chart('chart-ranking').setOption({
      animationDuration: 300,
      grid: { left: 8, right: 40, top: 4, bottom: 20, containLabel: true },
      tooltip: { trigger: 'item', formatter: (p) => escapeHtml(p.name) + '<br>' + escapeHtml(t('score')) + ' ' + p.value + ' · ' + escapeHtml(t('grade' + rows[p.dataIndex].grade)) },
      xAxis: { type: 'value', min: (e) => Math.max(0, Math.floor(e.min / 5) * 5 - 5), max: (e) => Math.ceil(e.max / 5) * 5 },
      yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.rank + '. ' + (r.unitName || r.unitId)), axisLabel: { fontSize: 11 } },
      series: [{
        type: 'bar', barMaxWidth: 14,
        data: rows.map((r) => ({ value: Number(r.score), itemStyle: { color: GRADE_COLOUR[r.grade] } })),
        label: { show: true, position: 'right', fontSize: 10 }
      }]
    }, true);
    const body = $('ranking-table').tBodies[0];
    body.replaceChildren(...rows.map((r) => el('tr', { 'data-unit': r.unitId },
      el('td', { className: 'num', text: r.rank }),
      el('td', {}, communityButton(r)),
      el('td', { className: 'num', text: r.score }),
      el('td', { className: 'grade-' + r.grade, text: t('grade' + r.grade) }))));
  }

  function cellText(m) {
    const report = m.report ? t(m.report) : t('pending');
    return t('held') + ' ' + m.publicityEvents + ' · ' + t('report') + ' ' + report + ' · ' + t('evidenceOk') + ' ' +
      (m.publicityEvents ? (m.evidenceMissing ? '−' + m.evidenceMissing : '✓') : '–');
  }

  function renderHeatmap(v) {
    const data = [];
    v.compliance.forEach((c, y) => c.months.forEach((m, x) => {
      data.push({ value: [x, y, m.checks ? m.met / m.checks : '-'], month: m, unitId: c.unitId, name: c.unitName });
    }));
    const h = chart('chart-heatmap');
    h.setOption({
      animationDuration: 300,
      grid: { left: 8, right: 8, top: 4, bottom: 40, containLabel: true },
      tooltip: { formatter: (p) => escapeHtml(p.data.name + ' · ' + p.data.month.month) + '<br>' + escapeHtml(cellText(p.data.month)) },
      xAxis: { type: 'category', data: v.months.map((m) => m.slice(5) + (state.lang === 'zh' ? '月' : '')), splitArea: { show: true } },
      yAxis: { type: 'category', inverse: true, data: v.compliance.map((c) => c.unitName || c.unitId), axisLabel: { fontSize: 11 } },
      visualMap: { min: 0, max: 1, dimension: 2, calculable: false, orient: 'horizontal', left: 'center', bottom: 0,
        itemHeight: 120, itemWidth: 10, text: ['3/3', '0/3'], inRange: { color: ['#c62828', '#f9a825', '#2e7d32'] } },
      series: [{
        type: 'heatmap', data,
        label: { show: true, fontSize: 10, color: '#fff', formatter: (p) => p.data.month.checks ? p.data.month.met + '/' + p.data.month.checks : '' },
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: '#1d2733', borderWidth: 2 } }
      }]
    }, true);
    const table = $('heatmap-table');
    table.tHead.replaceChildren(el('tr', {}, el('th', { scope: 'col', text: t('community') }),
      v.months.map((m) => el('th', { scope: 'col', text: m }))));
    table.tBodies[0].replaceChildren(...v.compliance.map((c) => el('tr', { 'data-unit': c.unitId },
      el('th', { scope: 'row' }, communityButton(c)),
      c.months.map((m) => el('td', { 'data-month': m.month, title: cellText(m), text: m.checks ? m.met + '/' + m.checks : '–' })))));
  }

  function renderTrend(v) {
    chart('chart-trend').setOption({
      animationDuration: 300,
      grid: { left: 8, right: 8, top: 28, bottom: 4, containLabel: true },
      legend: { top: 0, data: [t('casesSeries'), t('lossSeries')] },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: v.trend.map((m) => m.month.slice(5)) },
      yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', splitLine: { show: false } }],
      series: [
        { name: t('casesSeries'), type: 'bar', data: v.trend.map((m) => m.cases), itemStyle: { color: '#b71c1c' } },
        { name: t('lossSeries'), type: 'line', yAxisIndex: 1, data: v.trend.map((m) => Number(m.lossYuan)), itemStyle: { color: '#1565c0' } }
      ]
    }, true);
    $('trend-table').tBodies[0].replaceChildren(...v.trend.map((m) => el('tr', { 'data-month': m.month },
      el('td', { text: m.month }), el('td', { className: 'num', text: m.cases }), el('td', { className: 'num', text: m.lossYuan }))));
  }

  function renderFunnel(v) {
    const stages = ['reported', 'delivered', 'acknowledged', 'caseFiled'];
    chart('chart-funnel').setOption({
      animationDuration: 300,
      tooltip: { trigger: 'item', formatter: (p) => escapeHtml(p.name) + ': ' + p.value },
      series: [{
        type: 'funnel', sort: 'none', left: '10%', width: '80%', top: 8, bottom: 8, minSize: '8%', gap: 2,
        label: { position: 'inside', formatter: (p) => p.name + ' ' + p.value, color: '#fff' },
        data: stages.map((s, i) => ({ name: t(s), value: v.leads[s], itemStyle: { color: ['#1565c0', '#00838f', '#2e7d32', '#b71c1c'][i] } }))
      }]
    }, true);
    $('funnel-table').tBodies[0].replaceChildren(...stages.map((s) => el('tr', { 'data-stage': s },
      el('td', { text: t(s) }), el('td', { className: 'num', id: 'leads-' + s, text: v.leads[s] }))));
  }

  function renderGroups(v) {
    const groups = v.targetGroups.slice().sort((a, b) => a.events - b.events);
    chart('chart-groups').setOption({
      animationDuration: 300,
      grid: { left: 8, right: 36, top: 4, bottom: 4, containLabel: true },
      tooltip: { trigger: 'item', formatter: (p) => escapeHtml(p.name) + ': ' + p.value + ' · ' + escapeHtml(t('units')) + ' ' + groups[p.dataIndex].units },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: groups.map((g) => t(g.group)), axisLabel: { fontSize: 11 } },
      series: [{ type: 'bar', barMaxWidth: 12, data: groups.map((g) => ({ value: g.events, itemStyle: { color: g.events ? '#00838f' : '#b0bec5' } })),
        label: { show: true, position: 'right', fontSize: 10 } }]
    }, true);
    $('groups-table').tBodies[0].replaceChildren(...v.targetGroups.map((g) => el('tr', { 'data-group': g.group },
      el('td', { text: t(g.group) }), el('td', { className: 'num', text: g.events }), el('td', { className: 'num', text: g.units }))));
  }

  function thumbnails(list) {
    if (!list.length) return el('span', { className: 'missing', text: t('noEvidence') });
    return el('span', { className: 'thumbs' }, list.map((e) => e.href
      ? el('a', { href: e.href, target: '_blank', rel: 'noopener' },
        el('img', { src: e.href, alt: t('photo') + ' ' + e.evidenceId, loading: 'lazy', 'data-evidence': e.evidenceId }))
      : el('span', { className: 'doc', text: t('document') + ' (' + e.mediaType + ')' })));
  }

  async function openDrillDown(unitId, focus) {
    const v = state.view;
    if (!v) return;
    try {
      const d = await getJson('/api/dashboard/' + encodeURIComponent(v.campaignId) + '/' + encodeURIComponent(unitId) + (state.asOf ? '?asOf=' + state.asOf : ''));
      state.drill = d;
      state.drillUnit = unitId;
      renderDrillDown();
      const section = $('drilldown');
      section.hidden = false;
      if (focus) { section.scrollIntoView({ behavior: 'smooth', block: 'start' }); section.focus({ preventScroll: true }); }
    } catch (e) {
      $('problem').textContent = e.message;
      $('problem').hidden = false;
    }
  }

  function renderDrillDown() {
    const d = state.drill;
    if (!d) return;
    const s = d.scorecard;
    const rank = (state.view.ranking.find((r) => r.unitId === s.unitId) || {}).rank;
    $('drilldown-heading').textContent = (s.unitName || s.unitId);
    $('drilldown-summary').textContent = t('scoreLine').replace('{score}', s.score).replace('{grade}', t('grade' + s.grade))
      .replace('{rank}', rank).replace('{asOf}', s.asOf).replace('{rulebook}', s.rulebookVersion);
    $('drilldown-summary').className = 'grade-' + s.grade;
    $('lines-table').tBodies[0].replaceChildren(...s.lines.map((line, i) => el('tr', { 'data-rule': line.rule },
      el('td', { text: t(line.rule) }),
      el('td', { text: line.period || '' }),
      el('td', { className: 'num ' + (Number(line.points) < 0 ? 'points-neg' : 'points-pos'), text: line.points }),
      el('td', {}, line.eventIds.map((id) => [el('a', { href: '/api/audit/events/' + encodeURIComponent(id), className: 'event-link', target: '_blank', rel: 'noopener', title: id, text: id.slice(0, 8) }), ' '])),
      el('td', {}, (d.lines[i] && d.lines[i].evidence.length) ? thumbnails(d.lines[i].evidence) : ''))));
    $('publicity-list').replaceChildren(...d.publicityEvents.map((p) => el('li', { 'data-publish-event': p.publishEventId },
      el('div', {}, el('strong', { text: p.heldOn }), ' ', p.locationName || '', ' ',
        el('a', { href: '/api/audit/events/' + encodeURIComponent(p.eventId), className: 'event-link', target: '_blank', rel: 'noopener', text: p.publishEventId })),
      thumbnails(p.evidence))));
  }

  function closeDrillDown() {
    state.drillUnit = null;
    state.drill = null;
    $('drilldown').hidden = true;
  }

  function listen() {
    const live = $('live');
    const source = new EventSource(location.origin + '/api/dashboard/stream');
    source.addEventListener('ready', () => { live.className = 'live on'; live.textContent = t('live'); });
    source.addEventListener('facts', () => {
      refresh().then(() => {
        live.className = 'live on';
        live.textContent = t('live') + ' · ' + t('updated') + ' ' + new Date().toLocaleTimeString(state.lang === 'zh' ? 'zh-CN' : 'en-GB');
      });
    });
    source.onerror = () => { live.className = 'live off'; live.textContent = t('liveOff'); };
  }

  function wire() {
    $('as-of').addEventListener('change', (e) => { state.asOf = e.target.value; remember(); refresh(); });
    $('campaign').addEventListener('change', (e) => { state.campaignId = e.target.value; closeDrillDown(); remember(); refresh(); });
    $('latest').addEventListener('click', () => { state.asOf = ''; $('as-of').value = ''; remember(); refresh(); });
    $('lang').addEventListener('click', () => {
      state.lang = state.lang === 'zh' ? 'en' : 'zh';
      localStorage.setItem('fanzha.lang', state.lang);
      applyLanguage();
      render();
      renderDrillDown();
    });
    $('drilldown-close').addEventListener('click', closeDrillDown);
    $('controls').addEventListener('submit', (e) => e.preventDefault());
    chart('chart-ranking').on('click', (p) => state.view && openDrillDown(state.view.ranking[p.dataIndex].unitId, true));
    chart('chart-heatmap').on('click', (p) => p.data && openDrillDown(p.data.unitId, true));
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  }

  function remember() {
    history.replaceState(null, '', '/dashboard' + query());
  }

  document.addEventListener('DOMContentLoaded', async () => {
    applyLanguage();
    wire();
    await refresh();
    listen();
  });
})();
