// npm run events-doc: writes docs/events.asyncapi.json, the event contract as the code builds it (asyncApiDocument
// in libs/contracts, also served at /api/events-doc). A unit test (event-contract/asyncapi-document.spec.ts) fails
// while the committed file differs from the code's document: run this after changing an event's schema.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { asyncApiDocument, EVENTS_DOC_VERSION } = require(join(ROOT, 'libs', 'contracts', 'dist', 'index.js'));

const file = join(ROOT, 'docs', 'events.asyncapi.json');
writeFileSync(file, `${JSON.stringify(asyncApiDocument(EVENTS_DOC_VERSION), null, 2)}\n`);
console.log(`Wrote ${file}`);
