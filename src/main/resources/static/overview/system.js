// The overview of one AI system: reads /systems/{id}/overview.json with the Tasklist login of this
// browser and shows it read-only. The system id is the last part of this page's path.
import { element, utc, taskList, loadJson } from '/shared/page.js';

const SYSTEM_ID = decodeURIComponent(window.location.pathname.replace(/\/+$/, '').split('/').pop());

function facts(list, pairs) {
  list.replaceChildren();
  pairs.forEach(([term, value]) => {
    list.appendChild(element('dt', term));
    const dd = element('dd');
    if (value instanceof Node) {
      dd.appendChild(value);
    } else {
      dd.textContent = value === undefined || value === null || value === '' ? '—' : String(value);
    }
    list.appendChild(dd);
  });
}

function showState(system) {
  const version = system.activeModelVersion;
  facts(document.querySelector('#state dl'), [
    ['AI system', system.id],
    ['Intended purpose', system.intendedPurpose],
    ['Status', element('span', system.status, 'status-' + system.status)],
    ['Status reason', system.statusReason],
    ['Status since', system.statusChangedAt ? utc(system.statusChangedAt) : null],
    ['Active model version', version ? version.version + ' (since ' + utc(version.statusChangedAt) + ')' : 'none'],
  ]);
}

function metricCard(metric) {
  const card = element('div', null, 'metric');
  card.dataset.metric = metric.metric;
  card.appendChild(element('h3', metric.metric));
  const latest = metric.latest;
  const line = element('p');
  if (latest) {
    line.appendChild(document.createTextNode('Latest value '));
    line.appendChild(element('strong', String(latest.value), 'latest-value severity-' + latest.severity));
    line.appendChild(document.createTextNode(' (' + latest.severity + ') at ' + utc(latest.observedAt)
      + (latest.source ? ', from ' + latest.source : '')));
  } else {
    line.appendChild(element('span', 'No signal yet.', 'none'));
  }
  card.appendChild(line);
  const plan = metric.inMonitoringPlan ? 'In the monitoring plan' + (metric.planSource ? ': ' + metric.planSource : '')
    : 'Not in the monitoring plan';
  card.appendChild(element('span', metric.category + ' · ' + plan, 'detail'));
  if (typeof metric.chartUrl === 'string' && metric.chartUrl.startsWith('/systems/')) {
    const chart = element('img', null, 'chart');
    chart.src = metric.chartUrl;
    chart.width = 720;
    chart.height = 240;
    chart.alt = 'Chart of ' + metric.metric + ' over the last 30 days, with its warning and critical thresholds';
    card.appendChild(chart);
  }
  return card;
}

function showMetrics(metrics) {
  const list = document.querySelector('#metrics .metric-list');
  list.replaceChildren(...metrics.map(metricCard));
  if (metrics.length === 0) {
    list.appendChild(element('p', 'No metric yet: the system sent no signal and its monitoring plan names none.', 'none'));
  }
}

function tasksCell(tasks) {
  const cell = element('td');
  if (!tasks || tasks.length === 0) {
    cell.appendChild(element('span', 'no open task (waiting)', 'none'));
    return cell;
  }
  cell.appendChild(taskList(tasks));
  return cell;
}

function caseTable(containerId, title, cases) {
  const container = document.getElementById(containerId);
  container.replaceChildren(element('h3', title + ' (' + cases.length + ')'));
  if (cases.length === 0) {
    container.appendChild(element('p', 'None open.', 'none'));
    return;
  }
  const table = element('table');
  const head = element('tr');
  ['Reference', 'About', 'Opened', 'Open tasks'].forEach((name) => head.appendChild(element('th', name)));
  table.appendChild(element('thead')).appendChild(head);
  const body = element('tbody');
  cases.forEach((item) => {
    const tr = element('tr');
    tr.dataset.reference = item.reference || '';
    tr.appendChild(element('td', item.reference));
    tr.appendChild(element('td', item.subject || item.process));
    tr.appendChild(element('td', utc(item.startedAt)));
    tr.appendChild(tasksCell(item.tasks));
    body.appendChild(tr);
  });
  table.appendChild(body);
  container.appendChild(table);
}

function showRegister(register) {
  const list = document.querySelector('#register dl');
  if (!register) {
    facts(list, [['Head', 'no chain yet']]);
    return;
  }
  const last = register.lastVerification;
  let verification = 'not verified yet (the daily verification has not run since the system was registered)';
  if (last) {
    verification = element('span', (last.valid ? 'valid' : 'INVALID') + ' at ' + utc(last.verifiedAt) + ', '
      + last.eventsChecked + ' events checked up to seq ' + last.headSeq
      + (last.valid ? '' : ', first invalid seq ' + last.firstInvalidSeq + ': ' + (last.reason || '')),
    last.valid ? 'valid' : 'invalid');
  }
  facts(list, [
    ['Head seq', register.seq],
    ['Head hash', element('span', register.hash, 'hash')],
    ['Last verification', verification],
  ]);
}

function showDocuments(system) {
  const link = document.getElementById('documentation-link');
  if (typeof system.documentationUrl === 'string' && system.documentationUrl.startsWith('/systems/')) {
    link.href = system.documentationUrl;
  }
  const container = document.getElementById('instructions');
  const ifu = system.instructions;
  container.replaceChildren(element('h3', 'Instructions for use'));
  if (!ifu) {
    container.appendChild(element('p', 'No instructions for use published yet.', 'none'));
    return;
  }
  const list = element('dl', null, 'facts');
  facts(list, [
    ['Version', ifu.version + ', published ' + utc(ifu.publishedAt) + ' by ' + ifu.publishedBy],
    ['Accuracy', ifu.accuracy],
    ['Robustness', ifu.robustness],
    ['Known risks', ifu.knownRisks],
    ['Human oversight measures', ifu.oversightMeasures],
    ['Maintenance', ifu.maintenanceMeasures],
    ['Changes', ifu.changeLog],
  ]);
  container.appendChild(list);
}

async function loadSystem() {
  const system = await loadJson('/systems/' + encodeURIComponent(SYSTEM_ID) + '/overview.json', 'the AI system');
  if (system === null) {
    document.getElementById('overview').hidden = true;
    return;
  }
  document.title = system.name + ' · aiact-ops';
  document.getElementById('title').textContent = system.name + ' (' + system.id + ')';
  showState(system);
  showMetrics(system.metrics || []);
  caseTable('reviews', 'Oversight reviews', system.openReviews || []);
  caseTable('incidents', 'Serious incidents', system.openIncidents || []);
  caseTable('actions', 'Corrective actions', system.openCorrectiveActions || []);
  showRegister(system.register);
  showDocuments(system);
  document.getElementById('updated').textContent = 'Read ' + utc(new Date().toISOString()) + '.';
  document.getElementById('overview').hidden = false;
}

loadSystem();
