// Inkstream site script: text size control, page-view beacon, live "Most popular in 24h" lists.
// Loaded from the site's origin (CSP: no inline scripts or handlers); pages work without it.
(function () {
  'use strict';
  var SIZE_KEY = 'inkstream.textSize';
  var VISITOR_KEY = 'inkstream.visitor';

  function store(key, value) {
    try {
      if (value === undefined) { return window.localStorage.getItem(key); }
      window.localStorage.setItem(key, value);
    } catch (e) { /* storage may be off; the page still works */ }
    return null;
  }

  function applySize(size) {
    document.documentElement.setAttribute('data-text-size', size);
    document.querySelectorAll('.text-size button[data-size]').forEach(function (b) {
      b.setAttribute('aria-pressed', String(b.getAttribute('data-size') === size));
    });
  }

  function setUpTextSize() {
    var control = document.querySelector('.text-size');
    if (!control) { return; }
    control.hidden = false;
    applySize(store(SIZE_KEY) || 'medium');
    control.addEventListener('click', function (ev) {
      var button = ev.target.closest('button[data-size]');
      if (!button) { return; }
      var size = button.getAttribute('data-size');
      store(SIZE_KEY, size);
      applySize(size);
    });
  }

  function visitorId() {
    var id = store(VISITOR_KEY);
    if (!id) {
      id = (window.crypto && crypto.randomUUID) ? crypto.randomUUID()
        : String(Date.now()) + '-' + Math.random().toString(16).slice(2);
      store(VISITOR_KEY, id);
    }
    return id;
  }

  function sendBeacon() {
    var articleId = document.body.getAttribute('data-article-id');
    if (!articleId || !navigator.sendBeacon) { return; }
    var referrer = '';
    try { referrer = document.referrer ? new URL(document.referrer).host : ''; } catch (e) { referrer = ''; }
    navigator.sendBeacon('/v1/beacon', JSON.stringify({ articleId: articleId, visitor: visitorId(), referrer: referrer }));
  }

  function renderList(list, data) {
    var items = data.items || [];
    var fresh = document.createDocumentFragment();
    items.forEach(function (item) {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = item.href;
      a.textContent = item.headline;
      li.appendChild(a);
      fresh.appendChild(li);
    });
    if (items.length === 0) {
      var empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = 'No readings counted yet.';
      fresh.appendChild(empty);
    }
    list.replaceChildren(fresh);
  }

  // Open live streams; closed when the page is left, or back/forward-cached pages would keep
  // them open and exhaust the browser's six HTTP/1.1 connections per host.
  var liveSources = [];

  function followPopular() {
    if (!window.EventSource) { return; }
    document.querySelectorAll('ol.popular-list[data-scope]').forEach(function (list) {
      var scope = list.getAttribute('data-scope');
      var source = new EventSource('/v1/popular/stream?scope=' + encodeURIComponent(scope));
      source.addEventListener('ranking', function (ev) {
        try { renderList(list, JSON.parse(ev.data)); } catch (e) { /* keep the list we have */ }
      });
      liveSources.push(source);
    });
  }

  function stopFollowingPopular() {
    liveSources.forEach(function (source) { source.close(); });
    liveSources = [];
  }

  window.addEventListener('pagehide', stopFollowingPopular);
  window.addEventListener('pageshow', function (ev) {
    if (ev.persisted) { followPopular(); }
  });

  function setUpPrintButton() {
    var button = document.querySelector('button[data-print]');
    if (!button) { return; }
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  }

  function start() {
    setUpTextSize();
    setUpPrintButton();
    sendBeacon();
    followPopular();
  }

  // Apply the remembered size before first paint where possible.
  var remembered = store(SIZE_KEY);
  if (remembered) { document.documentElement.setAttribute('data-text-size', remembered); }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
}());
