// The page before the app arrives. On a slow line the app's download takes
// seconds; meanwhile this page already works: its home is the app's own,
// rendered when the site was built (src/bin/static_pages.rs), and "Start
// quick check" opens the first question of one quick check drawn then,
// whose every state (the question, and each option checked with its
// feedback) is the app's own markup too. This script only swaps those in,
// keeps the one live region so the feedback is announced, and records what
// the person did in local storage for the app, which takes it over
// (src/quiz/saved/early_start.rs): the same quiz, the answer marked again by the
// app and counted once. Once the app is running it replaces #app, and this
// script does nothing more.
//
// Inlined into index.html by scripts/static-pages.mjs, with the quiz's data
// in <script type="application/json" id="early-quiz">.

// It runs right after #app, before the quiz's data has arrived: it starts
// once that is here. A tap on the page's buttons before then was kept by
// the catcher before #app (static-pages.mjs), and is done now.

(() => {
  const early = () => {
    const data = JSON.parse(document.getElementById('early-quiz').textContent);
    const app = document.getElementById('app');
    const root = document.documentElement;
    const home = app.innerHTML;
    const running = () => root.dataset.app === 'running';
    const failure = () => root.dataset.appFailed;
    /** True if the app has been used on this device: its home would not be this page's (scores, a quiz to continue). */
    const used = () => {
      try {
        return localStorage.getItem(data.store_key) !== null;
      } catch {
        return false;
      }
    };
    const load = () => {
      try {
        return JSON.parse(localStorage.getItem(data.storage_key));
      } catch {
        return null;
      }
    };
    const fits = (start) => start && start.version === data.version && start.seed === data.seed && start.question === data.question;
    /**
     * Keeps `start` for the app. Not once the app (in another tab) has taken
     * it in and removed it: writing it again would bring back a quiz since
     * finished or removed there (the app refuses such a copy too). Returns
     * false then, and this tab waits for its own app.
     */
    const save = (start) => {
      try {
        const stored = load();
        if (start.saved && !(fits(stored) && stored.started_at === start.started_at)) return false;
        start.saved = true;
        const { saved, ...kept } = start;
        localStorage.setItem(data.storage_key, JSON.stringify(kept));
      } catch {
        // Storage blocked: the quiz still works on this page; the app starts afresh.
      }
      return true;
    };
    const hex8 = (n) => (n >>> 0).toString(16).padStart(8, '0');
    // As EarlyStart::quiz_id.
    const quizId = (start) => hex8(start.seed) + hex8(start.started_at % 2 ** 32);
    const address = (start) => `?view=quiz&quiz=${quizId(start)}`;
    // Inline styles come as data-style (a style attribute would break the
    // Content-Security-Policy); set through the DOM, they are allowed.
    const styled = (root) => {
      for (const element of root.querySelectorAll('[data-style]')) element.style.cssText = element.dataset.style;
      return root;
    };
    /**
     * A screen that waits for the app: `text`, or why the app cannot run
     * (start-early.mjs says so). Focus goes to it if it was on the screen it replaces.
     */
    const waiting = (text) => {
      const hadFocus = app.contains(document.activeElement);
      const section = document.createElement('section');
      section.className = 'page';
      section.innerHTML = '<p class="shell-loading" role="status" tabindex="-1"></p>';
      section.firstChild.textContent = text;
      app.replaceChildren(section);
      showFailure();
      if (hadFocus) section.firstChild.focus();
    };

    /**
     * Why the app cannot run, wherever this page says what it is waiting for:
     * on every screen, whenever it happens (start-early.mjs sets
     * `data-app-failed` on <html>), and again after a screen is redrawn.
     */
    function showFailure() {
      const failed = failure();
      if (!failed || running()) return;
      const places = app.querySelectorAll('.load-status, .shell-loading, .landing-status');
      for (const place of places) {
        place.setAttribute('role', 'alert');
        place.textContent = failed;
      }
      if (places.length === 0) {
        const notice = document.createElement('p');
        notice.className = 'shell-loading';
        notice.setAttribute('role', 'alert');
        notice.textContent = failed;
        app.prepend(notice);
      }
    }
    new MutationObserver(showFailure).observe(root, { attributes: true, attributeFilter: ['data-app-failed'] });

    // ---- Tap safety, as the app's (src/ui/tap_guard.rs): for half a second
    // after the quiz opens or moves on, taps on it do nothing, so a double tap
    // never lands on what has just moved under the finger. The tests shorten
    // it through the same page global the app reads (src/platform/clock.rs).
    const guardMs = typeof window.__safeguardingTapGuardMs === 'number' ? window.__safeguardingTapGuardMs : 500;
    let guardedUntil = 0;
    function guard() {
      const screen = app.querySelector('.quiz-screen');
      guardedUntil = performance.now() + guardMs;
      screen?.setAttribute('data-settling', '');
      setTimeout(() => screen?.removeAttribute('data-settling'), guardMs);
    }
    const guarded = (event) => {
      // (Once the app is running, its own guard is the one.)
      if (!running() && performance.now() < guardedUntil && app.querySelector('.quiz-screen')) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    };
    app.addEventListener('click', guarded, true);
    // A guarded tap does not move focus either (off the feedback it just showed).
    app.addEventListener('mousedown', guarded, true);
    /** The quiz's compact header, as the app's (`in-quiz` on <html>, src/ui/quit_quiz.rs), so nothing moves when it takes over. */
    const inQuiz = (on) => root.classList.toggle('in-quiz', on);
    const parse = (html) => {
      const template = document.createElement('template');
      template.innerHTML = html;
      return styled(template.content);
    };

    /**
     * The home screen; its "Start quick check" starts the page's quiz, or
     * goes back to it if it was begun already (this page holds one quiz: a
     * second would replace the first). Its other buttons need the app, and
     * say so.
     */
    function showHome() {
      inQuiz(false);
      // The page opens on home already: its nodes are kept (redrawing them
      // would make the browser count a second largest paint).
      if (app.innerHTML !== home) app.innerHTML = home;
      styled(app);
      const status = app.querySelector('.load-status');
      for (const button of app.querySelectorAll('button')) {
        const quick = button.textContent.trim() === 'Start quick check';
        button.addEventListener('click', (event) => {
          if (!quick) {
            event.preventDefault();
            if (status && !failure()) status.textContent = 'That opens once the app is here, in a few seconds. Start quick check works now.';
            return;
          }
          const begun = load();
          const start = fits(begun)
            ? { ...begun, saved: true }
            : { version: data.version, seed: data.seed, question: data.question, started_at: Date.now(), choice: null, checked_at: null, moved_on: false };
          if (!save(start)) {
            waiting(data.getting_ready);
            return;
          }
          history.pushState(null, '', address(start));
          show(start, true);
        });
      }
      showFailure();
    }

    /**
     * The quiz as `start` left it: its question, its feedback, or on to
     * question 2. `opening`: just opened from home, so the question comes up
     * at its top with focus on it, as in the app.
     */
    function show(start, opening = false) {
      inQuiz(true);
      if (start.moved_on) {
        waiting('Getting question 2 ready…');
        return;
      }
      app.innerHTML = data.asking;
      styled(app);
      const form = app.querySelector('form');
      const shown = data.options.findIndex((o) => o.choice === start.choice);
      const radios = [...app.querySelectorAll('fieldset input[type=radio]')];
      if (shown >= 0) radios[shown].checked = true;
      if (start.checked_at !== null && shown >= 0) {
        showChecked(start, shown, false);
        return;
      }
      guard();
      if (opening) {
        scrollTo(0, 0);
        app.querySelector('.question-prompt')?.focus({ preventScroll: true });
      }
      // Checked already in another tab: that answer stands, as in the app.
      const checkedElsewhere = () => {
        const stored = load();
        if (!(fits(stored) && stored.started_at === start.started_at && stored.checked_at !== null)) return false;
        show({ ...stored, saved: true });
        return true;
      };
      radios.forEach((radio, at) =>
        radio.addEventListener('change', () => {
          if (checkedElsewhere()) return;
          start.choice = data.options[at].choice;
          if (!save(start)) waiting(data.getting_ready);
          else clearError();
        }),
      );
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        if (performance.now() < guardedUntil || checkedElsewhere()) return;
        const at = radios.findIndex((r) => r.checked);
        if (at < 0) {
          showError();
          return;
        }
        start.choice = data.options[at].choice;
        start.checked_at = Date.now();
        if (!save(start)) {
          waiting(data.getting_ready);
          return;
        }
        showChecked(start, at, true);
      });
      wireQuit();
      showFailure();
    }

    /**
     * The feedback for the option shown at `at`: the question and the buttons
     * are swapped for the app's checked markup, and the feedback goes into the
     * live region already on the page, so it is announced.
     */
    function showChecked(start, at, justNow) {
      const checked = parse(data.options[at].checked);
      const form = app.querySelector('form');
      const region = form.querySelector('.feedback-region');
      app.querySelector('.quiz-progress').replaceWith(checked.querySelector('.quiz-progress'));
      form.querySelector('fieldset').replaceWith(checked.querySelector('fieldset'));
      app.querySelectorAll('fieldset input[type=radio]')[at].checked = true;
      while (region.nextSibling) region.nextSibling.remove();
      const after = checked.querySelector('.feedback-region');
      region.innerHTML = after.innerHTML;
      while (after.nextSibling) form.append(after.nextSibling);
      clearError();
      const next = [...form.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Next question');
      next?.addEventListener('click', () => {
        start.moved_on = true;
        if (!save(start)) {
          waiting(data.getting_ready);
          return;
        }
        show(start);
      });
      wireQuit();
      if (justNow) {
        guard();
        const verdict = region.querySelector('.feedback-verdict');
        verdict?.focus();
        verdict?.scrollIntoView({ block: 'start' });
      }
      showFailure();
    }

    /** "There is a problem": nothing chosen (the app's error summary, with its words). */
    function showError() {
      const summary = app.querySelector('.error-summary');
      const fieldset = app.querySelector('fieldset');
      summary.querySelector('ul').innerHTML = `<li><a href="#option-0">${data.no_choice}</a></li>`;
      summary.hidden = false;
      summary.querySelector('a').addEventListener('click', (event) => {
        event.preventDefault();
        document.getElementById('option-0')?.focus();
      });
      if (!document.getElementById('answer-error')) {
        fieldset.classList.add('has-error');
        fieldset.setAttribute('aria-describedby', 'question-hint answer-error');
        const message = document.createElement('p');
        message.id = 'answer-error';
        message.className = 'error-message';
        message.innerHTML = `<span class="visually-hidden">Error: </span>${data.no_choice}`;
        fieldset.querySelector('.hint').after(message);
      }
      summary.focus();
    }

    function clearError() {
      const summary = app.querySelector('.error-summary');
      if (summary) summary.hidden = true;
      document.getElementById('answer-error')?.remove();
      const fieldset = app.querySelector('fieldset');
      fieldset?.classList.remove('has-error');
      fieldset?.setAttribute('aria-describedby', 'question-hint');
    }

    /** Quit goes home; the quiz is kept, and the app offers to continue it. */
    function wireQuit() {
      app.querySelector('.quit-button')?.addEventListener('click', () => {
        history.pushState(null, '', location.pathname);
        showHome();
      });
    }

    // ---- A trainer's link, before the app arrives.

    /**
     * The query without what chat and e-mail apps leave stuck to its end, as
     * `tidy` in src/quiz/links/query.rs, with its lists (`data.landing.junk`): a
     * closing bracket or quote is kept when the link ends with a title and the
     * bracket closes one opened in it ("Team day (Leeds)").
     */
    function tidy(text) {
      const { junk } = data.landing;
      const lastKey = text.split('&').reverse().find((segment) => segment.includes('='))?.split('=')[0];
      const freeText = junk.free_text_keys.includes(lastKey);
      const count = (needle) => text.toUpperCase().split(needle.toUpperCase()).length - 1;
      const unmatched = junk.encoded.map(([closer, opener]) => (opener === null ? 0 : opener === closer ? count(closer) % 2 : count(closer) - count(opener)));
      const rawUnmatched = junk.raw_pairs.map(([closer, opener]) => count(closer) - count(opener));
      for (;;) {
        const last = text.slice(-1);
        const pair = junk.raw_pairs.findIndex(([closer]) => closer === last);
        if (pair >= 0) {
          if (freeText && rawUnmatched[pair] <= 0) break;
          rawUnmatched[pair] -= 1;
          text = text.slice(0, -1);
          continue;
        }
        if (last && (junk.trailing.includes(last) || last === '&' || /\s/.test(last))) {
          text = text.slice(0, -1);
          continue;
        }
        const upper = text.toUpperCase();
        const n = junk.encoded.findIndex(([closer, opener], at) => upper.endsWith(closer) && (!freeText || opener === null || unmatched[at] > 0));
        if (n < 0) return text;
        if (junk.encoded[n][1] !== null) unmatched[n] -= 1;
        text = text.slice(0, -junk.encoded[n][0].length);
      }
      return text;
    }

    /** The keys of a trainer's link (SPEC_KEYS in src/quiz/links/link.rs); any other is ignored. */
    const LINK_KEYS = ['view', 'c', 'title', 'topics', 'count', 'seed', 'mode', 'pass', 'refresh'];

    /** FNV-1a, 32 bits, as 8 lowercase hex digits (QuizSpec::id in src/quiz/links/link.rs); `text` is ASCII. */
    function fnv1a(text) {
      let hash = 0x811c9dc5;
      for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
      return (hash >>> 0).toString(16).padStart(8, '0');
    }

    /**
     * The link's quiz as the app reads it (src/quiz/links/query.rs and link.rs): what
     * other software adds is ignored (`fbclid`, `utm_…`), `&amp;` and the like
     * are read as `&`, and punctuation stuck to the end is trimmed. Returns
     * `{ title, count, assessment, pass, topics }`, or null for a link the app
     * would refuse (the app then says why, once it is here).
     */
    function readLink() {
      let query = location.search;
      if (/^#(x0*26|0*38);/i.test(location.hash) && query.endsWith('&')) query += location.hash;
      if (query.length > 8000) return null;
      // A second '?' (a tracking tool's, added to a link that had a query) reads as '&'.
      query = tidy(query.slice(1).replace(/&((amp;)+|#(x0*26|0*38);)+/gi, '&').replace(/\?/g, '&'));
      // The app's own pairs, raw, as query::own_pairs reads them: other keys
      // ignored, a key given twice differently refused (which was meant?).
      const own = new Map();
      for (const segment of query.split('&')) {
        const at = segment.indexOf('=');
        const key = segment.slice(0, at);
        if (at < 0 || !LINK_KEYS.includes(key)) continue;
        if (own.has(key) && own.get(key) !== segment.slice(at + 1)) return null;
        own.set(key, segment.slice(at + 1));
      }
      const get = (key) => own.get(key) ?? null;
      const { landing } = data;
      const whole = (text, [low, high]) => (/^\d{1,9}$/.test(text ?? '') && +text >= low && +text <= high ? +text : null);
      const count = whole(get('count'), landing.count_range);
      const pass = whole(get('pass'), landing.pass_range);
      const mode = get('mode');
      const seedText = get('seed') ?? '';
      const topicsText = get('topics');
      if (get('view') !== 'trainer-quiz' || count === null || pass === null || !['practice', 'assessment'].includes(mode) || !/^\d{1,10}$/.test(seedText) || +seedText >= 2 ** 32) return null;
      const titles = new Map(landing.topics);
      const topics = topicsText === 'all' ? [] : [...new Set((topicsText ?? '').split('.'))];
      if (topicsText !== 'all' && (topics.length === 0 || !topics.every((t) => titles.has(t)))) return null;
      const refreshText = get('refresh');
      const refresh = refreshText === null ? null : whole(refreshText, landing.refresh_range);
      if (refreshText !== null && refresh === null) return null;
      // The link's check of its settings (QuizSpec::id): a cut link is the app's to refuse.
      const id = fnv1a(`&topics=${topics.length ? topics.join('.') : 'all'}&count=${count}&seed=${+seedText}&mode=${mode}&pass=${pass}${refresh === null ? '' : `&refresh=${refresh}`}`);
      if (get('c') !== null && get('c') !== id) return null;
      // The title, percent-decoded strictly ('+' a space): a bad escape is the app's to refuse.
      let title = '';
      try {
        title = decodeURIComponent((get('title') ?? '').replace(/\+/g, ' '));
      } catch {
        return null;
      }
      // Hidden characters go, as is_hidden_character in src/quiz/text/wording.rs (a line break stays, as a space).
    title = title.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '').replace(/\s+/g, ' ').trim();
      // As many as the draw gives: fewer than asked when the topics hold fewer.
      const most = new Map(landing.most_questions.by_topic);
      const available = topics.length ? topics.reduce((sum, t) => sum + most.get(t), 0) : landing.most_questions.all;
      return {
        id,
        title: [...title].slice(0, landing.title_max).join('').trim() || null,
        count: Math.min(count, available),
        assessment: mode === 'assessment',
        pass,
        topics: topics.map((t) => titles.get(t)),
      };
    }

    /** The link's landing: the app's own page, with the link's title and what it asks for. */
    function showLanding(link) {
      const { landing } = data;
      inQuiz(false);
      app.innerHTML = landing.html;
      styled(app);
      const heading = app.querySelector('h2');
      heading.textContent = link.title ?? landing.untitled;
      // As TrainerQuizPage words it; e2e checks the two say the same.
      const about = heading.nextElementSibling;
      const note = link.assessment
        ? `Your answers are saved as you go, and you can check them before you submit. You see how you did at the end; ${link.pass}% is a pass.`
        : 'You get feedback after each answer.';
      about.textContent = `${link.count} ${link.count === 1 ? 'question' : 'questions'} on ${link.topics.length ? link.topics.join('; ') : 'every topic'}. ${note}`;
      const start = [...app.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Start the quiz');
      const gettingReady = () => {
        let status = app.querySelector('.landing-status');
        if (!status) {
          status = document.createElement('p');
          status.className = 'landing-status';
          status.setAttribute('role', 'status');
          start.after(status);
        }
        status.textContent = 'Getting the quiz ready. It starts as soon as it is here.';
        showFailure();
      };
      // Tapped already (before a reload): it still starts once the app is here, and says so.
      try {
        if (JSON.parse(sessionStorage.getItem(data.landing.start_when_ready_key))?.id === link.id && start) gettingReady();
      } catch {
        // Nothing kept.
      }
      start?.addEventListener('click', () => {
        try {
          sessionStorage.setItem(data.landing.start_when_ready_key, JSON.stringify({ id: link.id, at: Date.now() }));
        } catch {
          // Without session storage the person taps Start again once the app is here.
        }
        gettingReady();
      });
      if (failure() && !app.querySelector('.landing-status')) {
        const status = document.createElement('p');
        status.className = 'landing-status';
        start?.after(status);
        showFailure();
      }
    }

    /** Forgets a "Start the quiz" tapped on a landing since left (Back before the app arrived). */
    function forgetStartTapped() {
      try {
        sessionStorage.removeItem(data.landing.start_when_ready_key);
      } catch {
        // Nothing was kept.
      }
    }

    /**
     * What the address says: the page's quiz (if this device began it), home
     * (also for an address with only what other software adds, such as
     * `fbclid`), or, for any other screen, that the app is on its way.
     */
    function route() {
      if (running()) return;
      const start = load();
      const params = new URLSearchParams(location.search);
      const view = params.get('view');
      const link = view === 'trainer-quiz' ? readLink() : null;
      if (!link) forgetStartTapped();
      if (view === 'quiz' && fits(start) && params.get('quiz') === quizId(start)) {
        show({ ...start, saved: true });
      } else if (!view && !used()) {
        // Only what other software added (`?fbclid=…`): the app's home, at its own address.
        if (location.search) history.replaceState(history.state, '', location.pathname);
        showHome();
      } else if (link) {
        showLanding(link);
      } else {
        // Another screen, or home on a device where the app has been used
        // (this page's home would not show its scores or the quiz to continue).
        inQuiz(false);
        waiting(data.getting_ready);
      }
    }

    addEventListener('popstate', route);
    route();
    // The last tap made before this script ran, on the button it was meant for.
    const taps = window.__earlyTaps ?? [];
    window.__earlyTaps = null;
    const tapped = taps.at(-1);
    if (tapped) [...app.querySelectorAll('button')].find((b) => b.textContent.trim() === tapped)?.click();
  };

  if (document.getElementById('early-quiz')) early();
  else document.addEventListener('DOMContentLoaded', early, { once: true });
})();
