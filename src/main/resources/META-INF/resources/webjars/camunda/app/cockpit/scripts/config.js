// aiact-ops: Cockpit configuration (Camunda 7 webapp customization).
export default {
  app: {
    name: 'Cockpit',
    vendor: 'aiact-ops'
  },
  // Under single sign-on, Camunda's "Log out" ends the provider's session too (/shared/sso-logout.js).
  customScripts: ['../../../shared/sso-logout']
};
