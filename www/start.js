// Mounts the toolkit into this page once the engine has loaded. A failure is shown on the
// page, in words, rather than left as a blank screen.
(function () {
  "use strict";
  var host = document.getElementById("toolkit");
  var loading = document.getElementById("loading");
  function fail(error) {
    loading.textContent = "The toolkit could not start: " + (error && error.message ? error.message : String(error));
    loading.className = "site-loading site-loading--error";
  }
  if (!window.CollabToolkit) {
    fail(new Error("the engine script (pkg/collab-toolkit.js) did not load. Keep the www and pkg folders together."));
    return;
  }
  window.CollabToolkit.ready.then(function (toolkit) {
    loading.remove();
    toolkit.mount(host, {});
  }).catch(fail);
})();
