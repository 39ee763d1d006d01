// The case board: reads /cases/incidents.json with the Tasklist login of this browser and shows the
// open cases in the order the server gives (the nearest deadline of any regime first). Every value from the
// server goes into the page as text (textContent), never as markup.
import { element, detail, utc, taskList, showMessage, problemDetail, TASKLIST_URL } from '/shared/page.js';

const DATA_URL = '/cases/incidents.json';
const REFRESH_MS = 60 * 1000;

/** Hours as "1 d 4 h", "5 h 10 min" or "25 min". */
function humanDuration(hours) {
  const minutes = Math.round(hours * 60);
  const days = Math.floor(minutes / (24 * 60));
  const wholeHours = Math.floor((minutes % (24 * 60)) / 60);
  const rest = minutes % 60;
  if (days > 0) {
    return days + ' d ' + wholeHours + ' h';
  }
  if (wholeHours > 0) {
    return wholeHours + ' h ' + rest + ' min';
  }
  return rest + ' min';
}

function caseCell(incident) {
  const cell = element('td');
  cell.appendChild(element('span', incident.id, 'case-id'));
  if (incident.description) {
    cell.appendChild(detail(incident.description.length > 120
      ? incident.description.slice(0, 117) + '…' : incident.description));
  }
  return cell;
}

function classificationCell(incident) {
  const cell = element('td');
  if (!incident.outcome) {
    cell.appendChild(element('span', 'Not classified yet'));
    return cell;
  }
  cell.appendChild(element('span', incident.outcome === 'REPORTABLE' ? 'Reportable' : 'Not reportable'));
  const classification = incident.classification;
  if (classification) {
    const harms = (classification.harms || []).join(', ');
    cell.appendChild(detail((classification.serious ? 'serious' : 'not serious') + (harms ? ': ' + harms : '')));
  }
  if (incident.reportingPeriod) {
    cell.appendChild(detail(incident.reportingPeriod));
  }
  return cell;
}

function deadlineCell(incident) {
  const cell = element('td');
  const deadlines = incident.deadlines || [];
  if (incident.deadlineAt) {
    cell.appendChild(element('strong', utc(incident.deadlineAt)));
    deadlines.forEach((deadline) => {
      let text = deadline.memberState + ': ' + deadline.adjustedEndsInWords;
      // Say when 1182/71 moved the last day (weekend, public holiday); "none" needs no mention.
      if (deadline.adjustment && deadline.adjustment !== 'none') {
        text += ', moved to the ' + deadline.adjustment.replace(/_/g, ' ');
      }
      cell.appendChild(detail(text));
    });
    return cell;
  }
  cell.appendChild(element('span', 'None yet'));
  const due = (incident.currentTasks || []).map((task) => task.dueAt).filter(Boolean).sort()[0];
  if (!incident.outcome && due) {
    cell.appendChild(detail('classify by ' + utc(due)));
  }
  return cell;
}

function timeLeftCell(incident) {
  const cell = element('td');
  let text;
  let state = '';
  if (incident.hoursLeft !== undefined && incident.hoursLeft !== null) {
    if (incident.hoursLeft < 0) {
      text = 'overdue by ' + humanDuration(-incident.hoursLeft);
      state = 'overdue';
    } else {
      text = humanDuration(incident.hoursLeft);
      state = incident.hoursLeft < 24 ? 'urgent' : '';
    }
  } else if (incident.firstReportSentAt) {
    text = 'first report sent';
    state = 'done';
  } else if (incident.outcome === 'NOT_REPORTABLE') {
    text = 'not reportable';
  } else {
    // Until classified, the clock that runs is the classification task's due date.
    const due = (incident.currentTasks || []).map((task) => task.dueAt).filter(Boolean).sort()[0];
    const hoursToDue = due ? (Date.parse(due) - Date.now()) / 3600000 : null;
    if (hoursToDue !== null && hoursToDue < 0) {
      text = 'classification overdue by ' + humanDuration(-hoursToDue);
      state = 'overdue';
    } else {
      text = 'not classified yet';
    }
  }
  cell.appendChild(element('span', text, ('time-left ' + state).trim()));
  if (incident.timeLeft) {
    cell.title = incident.timeLeft;
  }
  return cell;
}

const REGIME_NAMES = { ai_act: 'AI Act', gdpr: 'GDPR', nis2: 'NIS2', dora: 'DORA', mdr: 'MDR/IVDR' };

/** The deadline due next of any regime, and which regime it is. */
function nextDeadlineCell(incident) {
  const cell = element('td');
  const next = incident.nextDeadline;
  if (!next) {
    cell.textContent = '—';
    return cell;
  }
  cell.appendChild(element('strong', (REGIME_NAMES[next.regime] || next.regime) + ': ' + next.stage, 'next-regime'));
  const hours = (Date.parse(next.dueAt) - Date.now()) / 3600000;
  cell.appendChild(detail(utc(next.dueAt) + (hours < 0 ? ', overdue by ' + humanDuration(-hours) : ', in ' + humanDuration(hours))));
  if (hours < 24) {
    cell.className = hours < 0 ? 'overdue' : 'urgent';
  }
  return cell;
}

/** Each other regime's stages: submitted (in time or late), due (with the Member State's local time), or waiting. */
function regimesCell(incident) {
  const cell = element('td');
  const regimes = incident.regimes || [];
  if (regimes.length === 0) {
    cell.textContent = '—';
    return cell;
  }
  const list = element('ul', null, 'regimes');
  regimes.forEach((regime) => {
    const item = element('li');
    item.dataset.regime = regime.regime;
    item.appendChild(element('strong', (REGIME_NAMES[regime.regime] || regime.regime)
      + (regime.status === 'running' ? '' : ' (' + regime.status + ')')));
    regime.stages.forEach((stage) => {
      let text = stage.title + ': ';
      if (stage.submittedAt) {
        text += (stage.outcome === 'submitted' || stage.outcome === 'incomplete' ? 'submitted ' : stage.outcome.replace(/_/g, ' ') + ' ')
          + utc(stage.submittedAt) + (stage.late ? ', late' : '');
      } else if (stage.dueAt) {
        text += 'due ' + stage.dueInWords + (stage.late ? ', overdue' : '');
      } else {
        text += stage.clock === 'waiting' ? stage.basis : 'no time limit';
      }
      item.appendChild(detail(text));
    });
    list.appendChild(item);
  });
  cell.appendChild(list);
  return cell;
}

function holdCell(incident) {
  const active = (incident.holds || []).some((hold) => !hold.releasedAt);
  return element('td', active ? 'yes' : 'no', active ? 'hold-active' : '');
}

function tasksCell(incident) {
  const cell = element('td');
  const tasks = incident.currentTasks || [];
  if (tasks.length === 0) {
    cell.textContent = '—';
    return cell;
  }
  cell.appendChild(taskList(tasks));
  return cell;
}

function row(incident) {
  const tr = element('tr');
  tr.dataset.caseId = incident.id;
  tr.appendChild(caseCell(incident));
  tr.appendChild(element('td', incident.aiSystemId));
  tr.appendChild(classificationCell(incident));
  tr.appendChild(element('td', (incident.memberStates || []).join(', ')));
  tr.appendChild(deadlineCell(incident));
  tr.appendChild(timeLeftCell(incident));
  tr.appendChild(nextDeadlineCell(incident));
  tr.appendChild(regimesCell(incident));
  tr.appendChild(element('td', String((incident.reports || []).filter((report) => report.sentAt).length)));
  tr.appendChild(holdCell(incident));
  tr.appendChild(tasksCell(incident));
  return tr;
}

function hideCases() {
  document.getElementById('cases').hidden = true;
  document.getElementById('empty').hidden = true;
}

function showLogin() {
  hideCases();
  const link = element('a', 'Open Tasklist', 'login-link');
  link.href = TASKLIST_URL;
  showMessage([element('strong', 'Please log in to Tasklist. '), link,
    document.createTextNode(', log in, then come back to this page: it checks again every minute.')], false);
}

function showCases(incidents) {
  document.getElementById('message').hidden = true;
  const table = document.getElementById('cases');
  table.tBodies[0].replaceChildren(...incidents.map(row));
  table.hidden = incidents.length === 0;
  document.getElementById('empty').hidden = incidents.length !== 0;
  document.getElementById('updated').textContent = 'Updated ' + utc(new Date().toISOString()) + '.';
}

async function load() {
  let response;
  try {
    response = await fetch(DATA_URL, { credentials: 'same-origin', cache: 'no-store',
      headers: { Accept: 'application/json' } });
  } catch (e) {
    showMessage([document.createTextNode('The server did not answer; the board tries again in a minute.')], true);
    return;
  }
  if (response.status === 401) {
    showLogin();
  } else if (response.status === 403) {
    hideCases();
    showMessage([document.createTextNode(await problemDetail(response)
      || 'Your groups do not allow the case board.')], true);
  } else if (!response.ok) {
    showMessage([document.createTextNode('Could not load the cases (HTTP ' + response.status + '). '
      + await problemDetail(response))], true);
  } else {
    showCases(await response.json());
  }
}

load();
setInterval(load, REFRESH_MS);
