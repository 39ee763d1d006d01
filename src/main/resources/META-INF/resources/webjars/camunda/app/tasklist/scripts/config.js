// aiact-ops: Tasklist configuration (Camunda 7 webapp customization); the rest keeps Camunda's defaults.
export default {
  app: {
    name: 'Tasklist',
    vendor: 'aiact-ops'
  },
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  },
  // Under single sign-on, Camunda's "Log out" ends the provider's session too (/shared/sso-logout.js).
  customScripts: ['../../../shared/sso-logout']
};
