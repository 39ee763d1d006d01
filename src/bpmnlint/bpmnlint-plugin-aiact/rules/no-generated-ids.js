// Ids that Camunda Modeler generates ("Activity_0x1y2z3", "Flow_1abc234", "Gateway_0abcdef",
// "StartEvent_1") say nothing: code, tests, Cockpit and the log register refer to elements by id, so
// every referenced element gets a semantic id "<Type>_<Meaning>" (Task_ReviewAlert).
// Modeler's random suffix is 7 characters of [0-9a-z]; its first start event and process get "_1".
const GENERATED = /_([0-9a-z]{7}|\d+)$/;

// Elements that others refer to by id. Event definitions, DI shapes and the definitions element
// are left out: nothing refers to them, and Modeler names their ids after the owning element.
const REFERENCED = [
  'bpmn:FlowElement', // flow nodes (tasks, events, gateways, subprocesses) and sequence flows
  'bpmn:Message',
  'bpmn:Signal',
  'bpmn:Error',
  'bpmn:Escalation',
  'bpmn:Process',
  'bpmn:Participant',
  'bpmn:Lane'
];

module.exports = function() {

  function check(node, reporter) {
    if (!REFERENCED.some(type => node.$instanceOf(type))) {
      return;
    }

    if (node.id && GENERATED.test(node.id)) {
      reporter.report(node.id, `Id <${node.id}> is a Camunda Modeler default; use <Type>_<Meaning>, e.g. Task_ReviewAlert`, [ 'id' ]);
    }
  }

  return { check };
};
