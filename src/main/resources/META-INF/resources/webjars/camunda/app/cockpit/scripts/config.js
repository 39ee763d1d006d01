// aiact-ops: Cockpit configuration (Camunda 7 webapp customization).
export default {
  app: {
    name: 'Cockpit',
    vendor: 'aiact-ops'
  }
};
