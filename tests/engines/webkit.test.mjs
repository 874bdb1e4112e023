// The journeys of support/journeys.mjs in WebKitGTK, the engine of every
// iPhone browser (WebKitWebDriver and selenium-webdriver, under xvfb-run).
// Runs beside firefox.test.mjs.
import { journeys } from './support/journeys.mjs';

journeys('webkit');
