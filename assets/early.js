// The page before the app arrives. On a slow line the app's download takes
// seconds; meanwhile this page already works: its home is the app's own,
// rendered when the site was built (src/bin/static_pages.rs), and "Start
// quick check" opens the first question of one quick check drawn then,
// whose every state (the question, and each option checked with its
// feedback) is the app's own markup too. This script only swaps those in,
// keeps the one live region so the feedback is announced, and records what
// the person did in local storage for the app, which takes it over
// (src/quiz/early_start.rs): the same quiz, the answer marked again by the
// app and counted once. Once the app is running it replaces #app, and this
// script does nothing more.
//
// Inlined into index.html by scripts/static-pages.mjs, with the quiz's data
// in <script type="application/json" id="early-quiz">.

(() => {
  const data = JSON.parse(document.getElementById('early-quiz').textContent);
  const app = document.getElementById('app');
  const home = app.innerHTML;
  const running = () => performance.getEntriesByName('app-ready').length > 0;
  const load = () => {
    try {
      return JSON.parse(localStorage.getItem(data.storage_key));
    } catch {
      return null;
    }
  };
  const save = (start) => {
    try {
      localStorage.setItem(data.storage_key, JSON.stringify(start));
    } catch {
      // Storage blocked: the quiz still works on this page; the app starts afresh.
    }
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
  /** A screen that waits for the app: `text`, or why the app cannot run (start-early.mjs says so). */
  const waiting = (text) => {
    const failed = document.documentElement.dataset.appFailed;
    const role = failed ? 'alert' : 'status';
    const section = document.createElement('section');
    section.className = 'page';
    section.innerHTML = `<p class="shell-loading" role="${role}"></p>`;
    section.firstChild.textContent = failed ?? text;
    app.replaceChildren(section);
  };
  const parse = (html) => {
    const template = document.createElement('template');
    template.innerHTML = html;
    return styled(template.content);
  };

  /** The home screen; its "Start quick check" starts the page's quiz. */
  function showHome() {
    app.innerHTML = home;
    styled(app);
    const start = [...app.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Start quick check');
    start?.addEventListener('click', () => {
      const begun = { version: data.version, seed: data.seed, question: data.question, started_at: Date.now(), choice: null, checked_at: null, moved_on: false };
      save(begun);
      history.pushState(null, '', address(begun));
      show(begun);
    });
  }

  /** The quiz as `start` left it: its question, its feedback, or on to question 2. */
  function show(start) {
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
    radios.forEach((radio, at) =>
      radio.addEventListener('change', () => {
        start.choice = data.options[at].choice;
        save(start);
        clearError();
      }),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const at = radios.findIndex((r) => r.checked);
      if (at < 0) {
        showError();
        return;
      }
      start.choice = data.options[at].choice;
      start.checked_at = Date.now();
      save(start);
      showChecked(start, at, true);
    });
    wireQuit();
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
      save(start);
      show(start);
    });
    wireQuit();
    if (justNow) {
      const verdict = region.querySelector('.feedback-verdict');
      verdict?.focus();
      verdict?.scrollIntoView({ block: 'start' });
    }
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
   * `tidy` in src/quiz/query.rs, with its lists (`data.landing.junk`): a
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

  /**
   * The link's quiz as the app reads it (src/quiz/query.rs and link.rs): what
   * other software adds is ignored (`fbclid`, `utm_…`), `&amp;` and the like
   * are read as `&`, and punctuation stuck to the end is trimmed. Returns
   * `{ title, count, assessment, pass, topics }`, or null for a link the app
   * would refuse (the app then says why, once it is here).
   */
  function readLink() {
    let query = location.search;
    if (/^#(x0*26|0*38);/i.test(location.hash) && query.endsWith('&')) query += location.hash;
    // A second '?' (a tracking tool's, added to a link that had a query) reads as '&'.
    query = tidy(query.slice(1).replace(/&((amp;)+|#(x0*26|0*38);)+/gi, '&').replace(/\?/g, '&'));
    const params = new URLSearchParams(query);
    const { landing } = data;
    const whole = (text, [low, high]) => (/^\d{1,9}$/.test(text ?? '') && +text >= low && +text <= high ? +text : null);
    const count = whole(params.get('count'), landing.count_range);
    const pass = whole(params.get('pass'), landing.pass_range);
    const mode = params.get('mode');
    const topicsText = params.get('topics');
    if (params.get('view') !== 'trainer-quiz' || count === null || pass === null || !['practice', 'assessment'].includes(mode) || !/^\d{1,10}$/.test(params.get('seed') ?? '') || +params.get('seed') >= 2 ** 32) return null;
    const titles = new Map(landing.topics);
    const topics = topicsText === 'all' ? [] : [...new Set((topicsText ?? '').split('.'))];
    if (topicsText !== 'all' && (topics.length === 0 || !topics.every((t) => titles.has(t)))) return null;
    // As many as the draw gives: fewer than asked when the topics hold fewer.
    const most = new Map(landing.most_questions.by_topic);
    const available = topics.length ? topics.reduce((sum, t) => sum + most.get(t), 0) : landing.most_questions.all;
    const title = (params.get('title') ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '').replace(/\s+/g, ' ').trim();
    return {
      title: [...title].slice(0, landing.title_max).join('').trim() || null,
      count: Math.min(count, available),
      assessment: mode === 'assessment',
      pass,
      seed: +params.get('seed'),
      topics: topics.map((t) => titles.get(t)),
    };
  }

  /** The link's landing: the app's own page, with the link's title and what it asks for. */
  function showLanding(link) {
    const { landing } = data;
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
    start?.addEventListener('click', () => {
      try {
        sessionStorage.setItem(data.landing.start_when_ready_key, JSON.stringify({ seed: link.seed, at: Date.now() }));
      } catch {
        // Without session storage the person taps Start again once the app is here.
      }
      let status = app.querySelector('.landing-status');
      if (!status) {
        status = document.createElement('p');
        status.className = 'landing-status';
        status.setAttribute('role', 'status');
        start.after(status);
      }
      status.textContent = document.documentElement.dataset.appFailed ?? 'Getting the quiz ready. It starts as soon as it is here.';
    });
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
    if (view === 'quiz' && start && start.seed === data.seed && start.question === data.question && params.get('quiz') === quizId(start)) {
      show(start);
    } else if (!view) {
      // Only what other software added (`?fbclid=…`): the app's home, at its own address.
      if (location.search) history.replaceState(history.state, '', location.pathname);
      showHome();
    } else if (view === 'trainer-quiz' && readLink()) {
      showLanding(readLink());
    } else {
      waiting(data.getting_ready);
    }
  }

  addEventListener('popstate', route);
  route();
})();
