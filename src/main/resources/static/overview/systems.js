// The list of AI systems: reads /systems.json with the Tasklist login of this browser.
import { element, localLink, loadJson } from '/shared/page.js';

function systemRow(system) {
  const tr = element('tr');
  tr.dataset.systemId = system.id;
  const idCell = element('td');
  idCell.appendChild(localLink(system.id, system.overviewUrl, 'system-link'));
  tr.appendChild(idCell);
  tr.appendChild(element('td', system.name));
  tr.appendChild(element('td', system.status, 'status-' + system.status));
  tr.appendChild(element('td', system.activeModelVersion || 'none'));
  return tr;
}

async function loadSystems() {
  const systems = await loadJson('/systems.json', 'the AI systems');
  if (systems === null) {
    return;
  }
  const table = document.getElementById('systems');
  table.tBodies[0].replaceChildren(...systems.map(systemRow));
  table.hidden = systems.length === 0;
  document.getElementById('empty').hidden = systems.length !== 0;
}

loadSystems();
