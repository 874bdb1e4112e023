// The journeys of support/journeys.mjs in Firefox ESR (puppeteer-core over
// WebDriver BiDi). Runs beside webkit.test.mjs.
import { journeys } from './support/journeys.mjs';

journeys('firefox');
