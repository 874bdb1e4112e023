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
      showHome();
    } else {
      waiting(data.getting_ready);
    }
  }

  addEventListener('popstate', route);
  route();
})();
