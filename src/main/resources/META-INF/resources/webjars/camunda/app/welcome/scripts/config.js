// aiact-ops: Welcome configuration (Camunda 7 webapp customization); the rest keeps Camunda's defaults.
export default {
  app: {
    name: 'Welcome',
    vendor: 'aiact-ops'
  },
  // Each person's own places, and for auditors where the evidence is (scripts/aiact-landing.js); under
  // single sign-on, Camunda's "Log out" ends the provider's session too (/shared/sso-logout.js).
  customScripts: ['scripts/aiact-landing', '../../../shared/sso-logout']
};
