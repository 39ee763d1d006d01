// Every task, event, gateway and subprocess has a name: Tasklist, Cockpit and the process page
// show it (tasks: verb + object; events: a state; gateways: a question). Unlike
// bpmnlint:recommended's label-required, this includes joining and parallel gateways and subprocesses.
const NAMED = [
  'bpmn:Activity', // tasks, subprocesses, call activities
  'bpmn:Event',
  'bpmn:Gateway'
];

module.exports = function() {

  function check(node, reporter) {
    if (!NAMED.some(type => node.$instanceOf(type))) {
      return;
    }

    if ((node.name || '').trim().length === 0) {
      reporter.report(node.id, 'Element has no name', [ 'name' ]);
    }
  }

  return { check };
};
