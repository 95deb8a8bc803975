// Development only (App.razor adds it there): reload the page after each content import, so an editor sees a
// good edit, or the banner with its mistakes, without pressing reload.
(() => {
  let seen = null;
  const check = async () => {
    try {
      const response = await fetch("/_editing/generation", { cache: "no-store" });
      if (response.ok) {
        const generation = await response.text();
        if (seen !== null && generation !== seen) {
          location.reload();
          return;
        }
        seen = generation;
      }
    } catch {
      // The portal restarting: try again on the next tick.
    }
    setTimeout(check, 1000);
  };
  check();
})();
