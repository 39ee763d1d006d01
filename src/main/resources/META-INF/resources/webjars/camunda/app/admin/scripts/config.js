// aiact-ops: Admin configuration (Camunda 7 webapp customization).
export default {
  app: {
    name: 'Admin',
    vendor: 'aiact-ops'
  }
};
