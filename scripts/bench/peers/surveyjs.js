// The SurveyJS peer: the same 10 questions as a SurveyJS quiz, written the way
// its documentation shows. A start page with "Start quiz", then one radio group
// per page; choosing an answer shows its feedback under it, read out by a
// live region. QUESTIONS is compiled in by build.mjs.
import { Model } from 'survey-core';
import { renderSurvey } from 'survey-js-ui';
// The theme without its web font: the font would come from another site.
import 'survey-core/survey-core.fontless.min.css';

/* global QUESTIONS */
const survey = new Model({
  title: 'Check what you know',
  firstPageIsStartPage: true,
  startSurveyText: 'Start quiz',
  showPrevButton: false,
  showProgressBar: 'top',
  pages: [
    { elements: [{ type: 'html', name: 'intro', html: '<p>10 questions, each with a short explanation.</p>' }] },
    ...QUESTIONS.map((q) => ({
      elements: [
        {
          type: 'radiogroup',
          name: q.id,
          title: q.prompt,
          choices: q.options.map((option, i) => ({ value: i, text: option.text })),
          correctAnswer: q.options.findIndex((option) => option.correct),
        },
        { type: 'html', name: `${q.id}-feedback`, visible: false },
      ],
    })),
  ],
});

const escape = (text) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
survey.onValueChanged.add((model, { name, value }) => {
  const question = QUESTIONS.find((q) => q.id === name);
  const feedback = model.getQuestionByName(`${name}-feedback`);
  if (!question || !feedback) return;
  const option = question.options[value];
  feedback.html = `<p class="feedback-region" role="status">${option.correct ? 'Right.' : 'Not quite.'} ${escape(option.feedback)} ${escape(question.explanation)}</p>`;
  feedback.visible = true;
});

renderSurvey(survey, document.getElementById('app'));
