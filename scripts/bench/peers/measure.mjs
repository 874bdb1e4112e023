// Measures the app and its peers side by side (make bench, scripts/bench.mjs).
//
// For each of them, over interleaved rounds (app, SurveyJS, vanilla, app, …),
// on a fresh browser profile each time:
// - a cold visit until the first question can be answered, with no throttling
//   and on Regular 3G (750 kbit/s down, 250 up, 100 ms round trip, as
//   Chromium's DevTools preset) with the CPU slowed 4×;
// - the first paint of that visit, and the bytes on the wire before the
//   question was answerable (encoded, headers included, from the DevTools
//   protocol);
// then, on a loaded page with the CPU slowed 4×, answer → feedback painted.
//
// How "answerable" is taken, the same for all three: a MutationObserver, set
// up before any page script runs, taps the start button ("Start quiz", ours "Start quick check") the moment it appears;
// the first answer control of the question that is enabled and has a box on
// screen ends the wait, and the next animation frame is the time. Times are
// reported to Node through a DevTools binding, so nothing polls the page's
// main thread while it loads.

/** DevTools' "Regular 3G": bytes per second and milliseconds. */
export const REGULAR_3G = { offline: false, latency: 100, downloadThroughput: (750 * 1024) / 8, uploadThroughput: (250 * 1024) / 8 };

/**
 * Runs in the page before its own scripts (a Playwright init script). Taps
 * Start, then, once the first question is answerable, chooses its first
 * option and checks it (`trigger`), timing the feedback's paint (`feedback`
 * has text). Also reports the app's `app-ready` mark, where there is one.
 */
function watchStart({ start, answerable, trigger, feedback }) {
  const seen = {};
  const report = (key, at) => {
    if (key in seen) return;
    seen[key] = at;
    window.__benchReport(key, at);
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') report('fcp', entry.startTime);
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'app-ready') report('appReady', entry.startTime);
  }).observe({ type: 'mark', buffered: true });
  const answerNow = (control) => {
    const read = () => document.querySelector(feedback)?.textContent.trim() ?? '';
    const before = read();
    const painted = () => {
      if (!read() || read() === before) return false;
      requestAnimationFrame(() => report('feedback', performance.now()));
      return true;
    };
    const observer = new MutationObserver(() => painted() && observer.disconnect());
    observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    control.click();
    const check = document.querySelector(trigger);
    if (check && check !== control && !check.contains(control)) check.click();
  };
  // This app ignores taps for half a second after a question opens (its tap
  // guard, against double taps; `data-settling` while it is up): the answer
  // is given the moment it is let through, as a person's would be.
  const whenSettled = (act) => {
    const settling = () => document.querySelector('[data-settling]') !== null;
    if (!settling()) return act();
    const observer = new MutationObserver(() => {
      if (settling()) return;
      observer.disconnect();
      act();
    });
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-settling'] });
  };
  const hasBox = (element) => {
    const box = (element.closest('label') ?? element).getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  let tapped = false;
  let done = false;
  const check = () => {
    if (done || !document.body) return;
    if (!tapped) {
      const button = [...document.querySelectorAll('button, input[type=button]')].find(
        (b) => (b.textContent || b.value || '').trim() === start && !b.disabled && hasBox(b),
      );
      if (button) {
        tapped = true;
        report('start', performance.now());
        button.click();
      }
      return;
    }
    const control = [...document.querySelectorAll(answerable)].find((c) => !c.disabled && hasBox(c));
    if (control) {
      done = true;
      requestAnimationFrame(() => {
        report('answerable', performance.now());
        whenSettled(() => answerNow([...document.querySelectorAll(answerable)].find((c) => !c.disabled && hasBox(c)) ?? control));
      });
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled', 'class', 'hidden', 'style'] });
}

/** Runs in the page: times each answer from the input event to the frame after its feedback appears. */
function watchFeedback({ trigger, feedback }) {
  window.__feedbackTimes = [];
  let pending = false;
  const read = () => document.querySelector(feedback)?.textContent.trim() ?? '';
  document.addEventListener(
    'click',
    (event) => {
      if (pending || !event.target.closest?.(trigger)) return;
      pending = true;
      const start = event.timeStamp;
      const before = read();
      const observer = new MutationObserver(() => {
        const now = read();
        if (!now || now === before) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          window.__feedbackTimes.push(performance.now() - start);
          pending = false;
        });
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
    },
    true,
  );
}

/**
 * One cold visit to `target.url`, each in ms from navigation start: `fcp`;
 * `answerable`, the first question; `feedback`, its first answer's feedback
 * painted (the answer given the moment it could be); `appReady`, this app's
 * takeover (NaN for the peers); and `kb`, the encoded bytes received before
 * each (`{ answerable, feedback, appReady }`).
 */
export async function coldVisit(browser, target, { throttled, viewport }) {
  const context = await browser.newContext({ viewport });
  const seen = {};
  const bytesAt = {};
  let bytes = 0;
  await context.exposeBinding('__benchReport', (_source, key, at) => {
    seen[key] = at;
    bytesAt[key] = bytes;
  });
  await context.addInitScript(watchStart, { start: target.start, answerable: target.answerable, trigger: target.trigger, feedback: target.feedback });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
  });
  if (throttled) {
    await cdp.send('Network.emulateNetworkConditions', REGULAR_3G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  await page.goto(target.url, { waitUntil: 'commit' });
  const deadline = Date.now() + 120_000;
  const waitFor = async (key, what) => {
    while (seen[key] === undefined) {
      if (Date.now() > deadline) throw new Error(`${target.name}: ${what} never came`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  await waitFor('answerable', 'the first question');
  await waitFor('feedback', "the first answer's feedback");
  if (target.takesOver) await waitFor('appReady', 'the takeover (app-ready)');
  // The first paint can be reported just after (a page that paints its
  // question in its first frame).
  for (let i = 0; i < 100 && seen.fcp === undefined; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  await context.close();
  const kb = (key) => (bytesAt[key] ?? NaN) / 1024;
  return {
    answerable: seen.answerable,
    feedback: seen.feedback,
    appReady: seen.appReady ?? NaN,
    fcp: seen.fcp ?? NaN,
    kb: { answerable: kb('answerable'), feedback: kb('feedback'), appReady: kb('appReady') },
  };
}

/**
 * Answer → feedback painted with the CPU slowed 4×, over `quizzes` quizzes of
 * 10, on a page already loaded. `target.play(page, n)` answers question n
 * (1 to 10) and moves on; `target.restart(page)` goes back to its start button (`target.start`).
 */
export async function feedbackTimes(browser, target, { quizzes, viewport }) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(watchFeedback, { trigger: target.trigger, feedback: target.feedback });
  const page = await context.newPage();
  await page.goto(target.url);
  // This app's page works before the app arrives: time the app's own feedback.
  if (target.takesOver) await page.locator('html[data-app="running"]').waitFor({ state: 'attached' });
  await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const times = [];
  for (let quiz = 0; quiz < quizzes; quiz++) {
    await page.getByRole('button', { name: target.start }).click();
    for (let n = 1; n <= 10; n++) await target.play(page, n);
    // Before the restart, which may reload the page and its list.
    times.push(...(await page.evaluate(() => window.__feedbackTimes.splice(0))));
    await target.restart(page);
  }
  await context.close();
  return times;
}
