(function () {
  "use strict";
  var d = document, form = d.getElementById("flt");
  d.documentElement.setAttribute("data-js", "ready");
  if (!form) return;
  var fds = [].slice.call(d.querySelectorAll("li.fd"));
  var tls = [].slice.call(d.querySelectorAll("figure.tl"));
  var q = d.getElementById("q"), out = d.getElementById("shown");
  var boxes = [].slice.call(form.querySelectorAll("input[name=v]"));
  // Topics, lower-cased once: a finding's from its heading, a timeline's from data-t.
  var topicOf = new Map();
  fds.forEach(function (li) {
    var h = li.querySelector("h3");
    topicOf.set(li, h ? h.textContent.toLowerCase() : "");
  });
  tls.forEach(function (f) { topicOf.set(f, (f.getAttribute("data-t") || "").toLowerCase()); });
  function has(el, text) {
    return !text || topicOf.get(el).indexOf(text) >= 0;
  }
  function apply() {
    var on = {}, text = q.value.trim().toLowerCase(), n = 0;
    boxes.forEach(function (b) { on[b.value] = b.checked; });
    fds.forEach(function (li) {
      var show = on[li.getAttribute("data-v")] !== false && has(li, text);
      li.hidden = !show;
      if (show) n++;
    });
    tls.forEach(function (f) { f.hidden = !has(f, text); });
    out.value = n + " of " + fds.length + " findings shown";
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.hidden = false;
  apply();
  // j / k move to the next / previous visible finding.
  d.addEventListener("keydown", function (e) {
    var t = e.target.tagName;
    if (e.altKey || e.ctrlKey || e.metaKey || t === "INPUT" || t === "TEXTAREA") return;
    if (e.key !== "j" && e.key !== "k") return;
    var vis = fds.filter(function (li) { return !li.hidden; });
    if (!vis.length) return;
    var i = vis.indexOf(d.activeElement && d.activeElement.closest ? d.activeElement.closest("li.fd") : null);
    i = e.key === "j" ? Math.min(i + 1, vis.length - 1) : Math.max(i - 1, 0);
    vis[i].tabIndex = -1;
    vis[i].focus();
    vis[i].scrollIntoView({ block: "start" });
    e.preventDefault();
  });
})();
