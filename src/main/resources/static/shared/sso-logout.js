// Loaded by every Camunda webapp (customScripts in each app's scripts/config.js). Under single sign-on,
// Camunda's own "Log out" drops only the webapps' copy of the login, which our login rebuilds at the next
// request, and the provider's session stays: the person would still be logged in. There, the menu item
// goes to /logout, which ends both. Without single sign-on /sso/webapps.json does not exist and Camunda's
// own log-out is kept.
fetch('/sso/webapps.json', {credentials: 'same-origin', headers: {Accept: 'application/json'}})
  .then((response) => (response.ok ? response.json() : null))
  .then((sso) => {
    if (!sso || !sso.logoutUrl) {
      return;
    }
    // Capture phase: before Camunda's own handler, which would log out of the webapps alone.
    document.addEventListener('click', (event) => {
      const link = event.target instanceof Element ? event.target.closest('li.logout > a') : null;
      if (link) {
        event.preventDefault();
        event.stopImmediatePropagation();
        window.location.assign(sso.logoutUrl);
      }
    }, true);
  })
  .catch(() => {});

export default [];
