// aiact-ops: the welcome page links each person to their own work, by their groups, and shows auditors
// where the evidence is. It reads /landing.json with this browser's webapp login. Every value from the
// server goes into the page as text, and only paths of this server become links.
import { element, localLink } from '/shared/page.js';

const LANDING_URL = '/landing.json';

function placeList(places, id) {
  const list = element('ul', null, 'aiact-places');
  list.id = id;
  places.forEach((place) => {
    const item = element('li');
    item.appendChild(place.href ? localLink(place.label, place.href) : element('strong', place.label));
    if (place.description) {
      item.appendChild(element('span', ' — ' + place.description, 'aiact-detail'));
    }
    list.appendChild(item);
  });
  return list;
}

function evidenceTable(view) {
  const table = element('table', null, 'table table-condensed aiact-evidence');
  const head = table.createTHead().insertRow();
  ['AI system', 'Register verification', 'Register export (NDJSON)', 'Technical documentation', 'Overview']
    .forEach((title) => head.appendChild(element('th', title)));
  const body = table.createTBody();
  view.evidence.forEach((system) => {
    const row = body.insertRow();
    row.appendChild(element('td', system.name ? system.systemId + ' (' + system.name + ')' : system.systemId));
    [system.registerVerification, system.registerExport, system.documentation, system.overview].forEach((href) => {
      const cell = element('td');
      cell.appendChild(localLink(href, href));
      row.appendChild(cell);
    });
  });
  return table;
}

function show(node, view) {
  const section = element('section', null, 'aiact-landing');
  section.appendChild(element('h3', 'Your work in aiact-ops'));
  if (view.places.length) {
    section.appendChild(placeList(view.places, 'aiact-places'));
  }
  if (view.groups.length) {
    section.appendChild(element('p', view.user + ' is in none of the aiact-ops groups, so there is nothing to show yet. '
      + 'Ask an administrator for the group of your role:', 'aiact-no-group'));
    section.appendChild(placeList(view.groups, 'aiact-groups'));
  }
  if (view.evidence.length || view.moreSystems) {
    const evidence = element('div', null, 'aiact-evidence-section');
    evidence.id = 'aiact-evidence';
    evidence.appendChild(element('h4', 'Where is the evidence'));
    evidence.appendChild(element('p', 'The log register of each AI system (Arts. 12, 19, 26(6)): verify its hash chain, '
      + 'export it and check the export offline (src/verifier/verify_log_export.py), and read the technical '
      + 'documentation (Annex IV) with its snapshot at each activation. The /api links answer with HTTP Basic '
      + 'or an API token; the others use this login. Closed incidents: /api/incidents?status=closed.'));
    evidence.appendChild(evidenceTable(view));
    if (view.moreSystems) {
      const more = element('p');
      more.appendChild(document.createTextNode(view.moreSystems + ' more AI systems: see '));
      more.appendChild(localLink('/systems', '/systems'));
      evidence.appendChild(more);
    }
    section.appendChild(evidence);
  }
  node.replaceChildren(section);
}

export default {
  id: 'aiact-ops.landing',
  pluginPoint: 'welcome.dashboard',
  priority: 100,
  render: (node) => {
    fetch(LANDING_URL, { credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error('HTTP ' + response.status))))
      .then((view) => show(node, view))
      .catch((error) => node.replaceChildren(element('p', 'Could not load your places in aiact-ops (' + error.message
        + '). Reload the page to try again.', 'aiact-no-group')));
  }
};
