/**
 * Imported first by main.ts: the connection to the engine opens before the rest of the page's code
 * (Svelte, the message tables, the steps) is evaluated, so the socket's handshake overlaps that work
 * instead of following it (`npm run bench`, "first step interactive").
 */
import { connect } from './api-client';

connect();
