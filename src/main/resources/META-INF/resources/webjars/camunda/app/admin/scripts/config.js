// aiact-ops: Admin configuration (Camunda 7 webapp customization).
export default {
  app: {
    name: 'Admin',
    vendor: 'aiact-ops'
  },
  // Under single sign-on, Camunda's "Log out" ends the provider's session too (/shared/sso-logout.js).
  customScripts: ['../../../shared/sso-logout']
};
