/**
 * The private note to the practice after sending: its text, its check (not empty, not too long),
 * and one send per key, so a retry after a lost reply is not a second note. A controller: the
 * element renders `state` and calls `input` and `send`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { characterCount } from '@pxm/core/survey';
import { createId, type AdapterError } from '@pxm/core';
import type { LocalizeController } from '../l10n/localize-controller.js';
import type { SurveyMessages } from './survey.messages.en.js';
import { EMPTY_NOTE, NOTE_LIMIT, type NoteState } from './survey-thanks-view.js';

export interface PrivateNoteOptions {
  /** Sends the note through the adapter (`survey.sendFeedback`); rejects on failure. */
  send(message: string, idempotencyKey: string): Promise<void>;
  /** Reports a failure as `pxm-error`; undefined when the call was aborted. */
  report(error: unknown): AdapterError | undefined;
  msg: LocalizeController<SurveyMessages>;
  /** A failure's message, in the patient's language. */
  failureText(error: AdapterError): string;
}

export class PrivateNote implements ReactiveController {
  state: NoteState = EMPTY_NOTE;
  private key: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PrivateNoteOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  reset(): void {
    this.update(EMPTY_NOTE);
  }

  input(text: string): void {
    this.update({ ...this.state, text, error: undefined });
  }

  /** Checks and sends the note; resolves true when it was refused (focus goes back to the box). */
  async send(): Promise<boolean> {
    if (this.state.sending) return false;
    const message = this.state.text.trim();
    const { msg } = this.options;
    const error = !message ? msg.text('privateEmpty') : characterCount(message) > NOTE_LIMIT ? msg.text('errorTooLong', msg.number(NOTE_LIMIT)) : undefined;
    if (error) {
      this.update({ ...this.state, error });
      return true;
    }
    this.update({ ...this.state, sending: true, error: undefined });
    this.key ??= createId();
    try {
      await this.options.send(message, this.key);
      this.update({ ...this.state, sending: false, sent: true });
      return false;
    } catch (caught) {
      const reported = this.options.report(caught);
      this.update({ ...this.state, sending: false, error: reported ? this.options.failureText(reported) : undefined });
      return true;
    }
  }

  private update(state: NoteState): void {
    this.state = state;
    this.host.requestUpdate();
  }
}
