/**
 * The only script of the web view: follows a run's server-sent events and updates the
 * progress page in place, with `textContent` only (never markup), then moves on to the
 * verdict. Inlined with the page's CSP nonce.
 *
 * @module
 */

/** The script's source. */
export const PROGRESS_SCRIPT = `(() => {
  "use strict";
  const root = document.getElementById("run");
  if (!root || !window.EventSource) return;
  const words = JSON.parse(root.dataset.words);
  const lang = root.dataset.lang;
  const list = root.querySelector(".run-list");
  const bar = root.querySelector("progress");
  const count = root.querySelector(".count");
  const rows = new Map();
  for (const li of list.querySelectorAll("li[data-probe]")) rows.set(li.dataset.probe, li);
  const setState = (li, state, note) => {
    li.className = "st-" + state;
    const pill = li.querySelector(".pill");
    pill.className = "pill st-" + state;
    pill.textContent = words[state] || state;
    if (note !== undefined) li.querySelector(".note").textContent = note;
  };
  const addRow = (p) => {
    const li = document.createElement("li");
    li.dataset.probe = p.id;
    const st = document.createElement("span"); st.className = "state";
    const pill = document.createElement("span"); pill.className = "pill"; st.appendChild(pill);
    const title = document.createElement("span"); title.className = "title"; title.textContent = p.title[lang];
    const note = document.createElement("span"); note.className = "note";
    li.append(st, title, note);
    list.appendChild(li);
    rows.set(p.id, li);
    setState(li, "pending", "");
  };
  const es = new EventSource(root.dataset.events);
  es.onmessage = (m) => {
    const e = JSON.parse(m.data);
    const li = e.id !== undefined ? rows.get(e.id) : undefined;
    switch (e.type) {
      case "plan":
        if (rows.size === 0) e.probes.forEach(addRow);
        bar.max = Math.max(e.probes.length, 1);
        count.textContent = "0 / " + e.probes.length;
        break;
      case "start": if (li) setState(li, "running"); break;
      case "progress": if (li && e.note) li.querySelector(".note").textContent = e.note; break;
      case "result":
        if (li) setState(li, e.status, e.summary ? e.summary[lang] : "");
        bar.max = Math.max(e.total, 1); bar.value = e.done;
        count.textContent = e.done + " / " + e.total;
        break;
      case "finished":
        es.close();
        location.replace(e.ref ? "/report?f=" + encodeURIComponent(e.ref) : location.pathname);
        break;
      case "failed":
        es.close();
        location.replace(location.pathname);
        break;
    }
  };
})();`;
