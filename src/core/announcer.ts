/**
 * The polite announcer: what a widget tells screen-reader users without moving their focus (a vote
 * counted, a comment kept offline, new comments), in its role=status live region. Every widget has
 * one (CivicElement renders the region after the widget); `at` is when it last spoke, so that a
 * widget can keep quiet about minor news soon after (the poll's participant count).
 */
import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';

export class Announcer {
  /** What the region says now. */
  text = '';
  /** When it last spoke (ms). */
  at = 0;
  #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** Says `text` politely (an empty text clears the region). */
  say(text: string): void {
    this.text = text;
    this.at = Date.now();
    this.#host.requestUpdate();
  }

  /** The live region. */
  render(): TemplateResult {
    return html`<div class="sr-only" role="status">${this.text}</div>`;
  }
}
