// The vanilla JS peer: the least a browser quiz can be. A start button, then
// one question at a time with radio buttons, "Check answer", feedback in a
// live region and "Next question". QUESTIONS is compiled in by build.mjs.
import './vanilla.css';

/* global QUESTIONS */
const app = document.getElementById('app');
let score = 0;

const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

function home() {
  const start = el('button', { type: 'button', className: 'button', textContent: 'Start quiz' });
  start.addEventListener('click', () => show(0));
  app.replaceChildren(el('h2', { textContent: 'Check what you know' }), el('p', { textContent: '10 questions, each with a short explanation.' }), start);
}

function show(index) {
  const question = QUESTIONS[index];
  const legend = el('legend', { textContent: `Question ${index + 1} of ${QUESTIONS.length}. ${question.prompt}` });
  const inputs = question.options.map((option, i) => el('input', { type: 'radio', name: 'answer', value: String(i) }));
  const fieldset = el('fieldset', {}, legend, ...question.options.map((option, i) => el('label', { className: 'option' }, inputs[i], ` ${option.text}`)));
  const feedback = el('p', { className: 'feedback-region' });
  feedback.setAttribute('role', 'status');
  const check = el('button', { type: 'submit', className: 'button', textContent: 'Check answer' });
  const form = el('form', {}, fieldset, check, feedback);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = inputs.findIndex((input) => input.checked);
    if (chosen < 0) {
      feedback.textContent = 'Choose an answer.';
      return;
    }
    const option = question.options[chosen];
    if (option.correct) score += 1;
    inputs.forEach((input) => (input.disabled = true));
    feedback.textContent = `${option.correct ? 'Right.' : 'Not quite.'} ${option.feedback} ${question.explanation}`;
    const last = index === QUESTIONS.length - 1;
    const next = el('button', { type: 'button', className: 'button', textContent: last ? 'See your score' : 'Next question' });
    next.addEventListener('click', () => (last ? done() : show(index + 1)));
    check.replaceWith(next);
  });
  app.replaceChildren(form);
}

function done() {
  const again = el('button', { type: 'button', className: 'button', textContent: 'Back to home' });
  again.addEventListener('click', () => ((score = 0), home()));
  app.replaceChildren(el('h2', { textContent: `You scored ${score} out of ${QUESTIONS.length}` }), again);
}

home();
