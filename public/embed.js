/*
 * Quantum ML, reality check — embed loader.
 *
 *   <div data-qml-embed="barren-plateau" data-step="2"></div>
 *   <script async src="https://<site>/embed.js"></script>
 *
 * Replaces every [data-qml-embed] element with a lazily loaded, titled iframe of /embed/<id>
 * (or /embed/section/<id> for data-qml-embed="section/<id>"). Optional attributes: data-step (0-based),
 * data-theme (light|dark|auto), data-params (a query string of figure parameters, e.g.
 * "barren-plateau.qubits=8"), data-title.
 *
 * Auto-height: an embed page posts { type: "qml-embed:resize", height, path } to its parent whenever its
 * content height changes. This loader accepts such messages only when they come from one of the
 * iframes it created (event.source) and from the site's own origin (event.origin); anything else is
 * ignored. Safe to include more than once.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  // The site's address from SITE_URL, filled in by the build; used when this script cannot see its own URL.
  var configured = '';
  var base = (script && script.src ? script.src.replace(/\/embed\.js(?:[?#].*)?$/, '') : '') || configured;
  if (!base) return;
  var origin;
  try { origin = new URL(base).origin; } catch (e) { return; }
  var MIN = 120;
  var MAX = 20000;

  var registry = (window.__qmlEmbeds = window.__qmlEmbeds || { frames: [], listening: {} });

  function embedUrl(el) {
    var id = (el.getAttribute('data-qml-embed') || '').trim();
    if (!/^(section\/)?[a-z0-9-]+$/.test(id)) return null;
    var query = new URLSearchParams(el.getAttribute('data-params') || '');
    var step = el.getAttribute('data-step');
    if (step !== null && step !== '') query.set('step', step);
    var theme = el.getAttribute('data-theme');
    if (theme) query.set('theme', theme);
    var q = query.toString();
    return base + '/embed/' + id + (q ? '?' + q : '');
  }

  function titleFor(el) {
    var id = el.getAttribute('data-qml-embed') || '';
    return el.getAttribute('data-title') || 'Interactive figure: ' + id.replace(/^section\//, '').replace(/-/g, ' ');
  }

  function mount(el) {
    if (el.getAttribute('data-qml-mounted') === 'true') return;
    var src = embedUrl(el);
    if (!src) return;
    el.setAttribute('data-qml-mounted', 'true');
    var frame = document.createElement('iframe');
    frame.src = src;
    frame.title = titleFor(el);
    frame.loading = 'lazy';
    frame.setAttribute('allow', 'fullscreen');
    frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
    frame.style.cssText = 'display:block;border:0;width:100%;max-width:100%;height:480px;';
    el.appendChild(frame);
    registry.frames.push(frame);
  }

  function onMessage(event) {
    if (event.origin !== origin) return;
    var frame = null;
    for (var i = 0; i < registry.frames.length; i++) {
      if (registry.frames[i].contentWindow === event.source) { frame = registry.frames[i]; break; }
    }
    if (!frame) return;
    var data = event.data;
    if (typeof data === 'string') {
      try { data = JSON.parse(data); } catch (e) { return; }
    }
    if (!data || (data.type !== 'qml-embed:resize' && data.context !== 'iframe.resize')) return;
    var h = Number(data.height);
    if (!isFinite(h)) return;
    h = Math.max(MIN, Math.min(MAX, Math.ceil(h)));
    if (frame.style.height !== h + 'px') frame.style.height = h + 'px';
    frame.setAttribute('data-qml-height', String(h));
  }

  if (!registry.listening[origin]) {
    registry.listening[origin] = true;
    window.addEventListener('message', onMessage);
  }

  function scan() {
    var els = document.querySelectorAll('[data-qml-embed]');
    for (var i = 0; i < els.length; i++) mount(els[i]);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
