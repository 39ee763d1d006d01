// Shared by the case board, the AI system pages and the welcome page's plugin (ES module): building
// elements from server values (always as text, never as markup), the open tasks with their Tasklist
// links, and the messages for a missing login or missing groups.

export const TASKLIST_URL = '/camunda/app/tasklist/';
export const COCKPIT_URL = '/camunda/app/cockpit/';

export function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  if (className) {
    node.className = className;
  }
  return node;
}

export function detail(text) {
  return element('span', text, 'detail');
}

/** "2026-12-10T23:00:00Z" as "2026-12-10 23:00 UTC". */
export function utc(instant) {
  return instant ? new Date(instant).toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : '—';
}

/** A link only to a path of this server: a value from the server never becomes a script or another site. */
export function localLink(text, href, className) {
  if (typeof href !== 'string' || !href.startsWith('/') || href.startsWith('//')) {
    return element('span', text, className);
  }
  const link = element('a', text, className);
  link.href = href;
  return link;
}

/** Open tasks as a list: each a link into Tasklist, with its assignee and due date. */
export function taskList(tasks) {
  const list = element('ul', null, 'tasks');
  tasks.forEach((task) => {
    const item = element('li');
    // Only links into Tasklist: a URL from the server never becomes a script or another site.
    if (typeof task.tasklistUrl === 'string' && task.tasklistUrl.startsWith(TASKLIST_URL)) {
      const link = element('a', task.name || task.id, 'task-link');
      link.href = task.tasklistUrl;
      item.appendChild(link);
    } else {
      item.appendChild(element('span', task.name || task.id));
    }
    const facts = [];
    if (task.assignee) {
      facts.push('assigned to ' + task.assignee);
    }
    if (task.dueAt) {
      facts.push('due ' + utc(task.dueAt));
    }
    if (facts.length) {
      item.appendChild(detail(facts.join(', ')));
    }
    list.appendChild(item);
  });
  return list;
}

export function showMessage(parts, isError) {
  const message = document.getElementById('message');
  message.replaceChildren(...parts);
  message.className = isError ? 'message error' : 'message';
  message.hidden = false;
}

export async function problemDetail(response) {
  try {
    const problem = await response.json();
    return problem.detail || '';
  } catch (e) {
    return '';
  }
}

/** Reads JSON with this browser's Tasklist login; shows why not and answers null when it cannot. */
export async function loadJson(url, what) {
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } });
  } catch (e) {
    showMessage([document.createTextNode('The server did not answer; reload the page to try again.')], true);
    return null;
  }
  if (response.status === 401) {
    // Auditors have Cockpit, not Tasklist; either login opens the same session.
    showMessage([element('strong', 'Please log in. '), localLink('Open Tasklist', TASKLIST_URL, 'login-link'),
      document.createTextNode(' (or '), localLink('Cockpit', COCKPIT_URL, 'cockpit-login-link'),
      document.createTextNode(' as an auditor), log in, then come back to this page.')], false);
    return null;
  }
  if (!response.ok) {
    showMessage([document.createTextNode((await problemDetail(response))
      || 'Could not load ' + what + ' (HTTP ' + response.status + ').')], true);
    return null;
  }
  document.getElementById('message').hidden = true;
  return response.json();
}
