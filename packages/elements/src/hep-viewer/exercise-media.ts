/**
 * An exercise's demonstration: the native video player (captions, poster, speed 0.5-1.5x, loop,
 * never autoplay), or its still images when the video fails, is missing, or the patient saves
 * data. Media never blocks the dosage: it loads lazily and nothing waits for it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Exercise } from '@pxm/core/hep';
import type { HepLocalizeController } from './hep-localize.js';

type T = HepLocalizeController;

export const PLAYBACK_SPEEDS = [0.5, 0.75, 1, 1.25, 1.5] as const;

export interface MediaState {
  /** The video could not be played. */
  failed: boolean;
  /** The patient asked for the video although data saving is on. */
  videoWanted: boolean;
  speed: number;
  loop: boolean;
}

export const initialMediaState = (): MediaState => ({ failed: false, videoWanted: false, speed: 1, loop: true });

export interface MediaHandlers {
  state(exerciseId: string): MediaState;
  change(exerciseId: string, patch: Partial<MediaState>): void;
}

export interface MediaOptions {
  saveData: boolean;
  /** Language of the patient, to pick the default captions. */
  language: string;
}

function renderImages(l10n: T, exercise: Exercise): TemplateResult | typeof nothing {
  const urls = exercise.media?.imageUrls ?? [];
  if (urls.length === 0) return nothing;
  const alt = exercise.media?.imageAlt?.trim() || exercise.name;
  return html`<div class="images" part="images">
    ${urls.map(
      (url, index) =>
        html`<img src=${url} alt=${l10n.text('picture', alt, index + 1, urls.length)} loading="lazy" decoding="async" part="image" />`,
    )}
  </div>`;
}

function pickDefaultTrack(tracks: NonNullable<Exercise['media']>['captions'], language: string): number {
  if (!tracks || tracks.length === 0) return -1;
  const base = language.toLowerCase().split('-')[0];
  const index = tracks.findIndex((track) => track.srclang.toLowerCase().split('-')[0] === base);
  return index >= 0 ? index : 0;
}

/** Captions from another origin load only over CORS; same-origin ones must not ask for it. */
function needsCors(tracks: ReadonlyArray<{ src: string }>): boolean {
  const here = globalThis.location?.origin;
  return tracks.some((track) => {
    try {
      return new URL(track.src).origin !== here;
    } catch {
      return false;
    }
  });
}

function renderVideo(l10n: T, exercise: Exercise, state: MediaState, handlers: MediaHandlers, options: MediaOptions): TemplateResult {
  const media = exercise.media!;
  const tracks = media.captions ?? [];
  const defaultTrack = pickDefaultTrack(tracks, options.language);
  const id = exercise.id;
  return html`<div class="video">
    <video
      part="video"
      controls
      playsinline
      preload="metadata"
      crossorigin=${needsCors(tracks) ? 'anonymous' : nothing}
      aria-label=${l10n.text('videoLabel', exercise.name)}
      poster=${media.posterUrl ?? nothing}
      ?loop=${state.loop}
      .playbackRate=${state.speed}
      .defaultPlaybackRate=${state.speed}
      @error=${() => handlers.change(id, { failed: true })}
    >
      <source src=${media.videoUrl!} @error=${() => handlers.change(id, { failed: true })} />
      ${tracks.map(
        (track, index) =>
          html`<track kind="captions" src=${track.src} srclang=${track.srclang} label=${track.label} ?default=${index === defaultTrack} />`,
      )}
    </video>
    <div class="video-controls">
      <label class="speed">
        <span>${l10n.text('speed')}</span>
        <select @change=${(event: Event) => handlers.change(id, { speed: Number((event.target as HTMLSelectElement).value) })}>
          ${PLAYBACK_SPEEDS.map(
            (speed) => html`<option value=${speed} ?selected=${speed === state.speed}>${l10n.number(speed)}×</option>`,
          )}
        </select>
      </label>
      <label class="loop">
        <input
          type="checkbox"
          .checked=${state.loop}
          @change=${(event: Event) => handlers.change(id, { loop: (event.target as HTMLInputElement).checked })}
        />
        <span>${l10n.text('loop')}</span>
      </label>
    </div>
  </div>`;
}

export function renderMedia(l10n: T, exercise: Exercise, handlers: MediaHandlers, options: MediaOptions): TemplateResult | typeof nothing {
  const media = exercise.media;
  if (!media) return nothing;
  const state = handlers.state(exercise.id);
  const images = renderImages(l10n, exercise);
  const hasImages = images !== nothing;
  if (media.videoUrl && !state.failed && (!options.saveData || state.videoWanted)) {
    return html`<figure class="media" part="media">${renderVideo(l10n, exercise, state, handlers, options)}</figure>`;
  }
  let notice: TemplateResult | typeof nothing = nothing;
  if (media.videoUrl && state.failed) {
    notice = html`<p class="media-note">${hasImages ? l10n.text('videoFailed') : l10n.text('videoMissing')}</p>`;
  } else if (media.videoUrl && options.saveData) {
    notice = html`<p class="media-note">
      ${hasImages ? l10n.text('savingData') : nothing}
      <button type="button" class="button link" @click=${() => handlers.change(exercise.id, { videoWanted: true })}>
        ${l10n.text('showVideo')}
      </button>
    </p>`;
  }
  if (!hasImages && notice === nothing) {
    return media.posterUrl
      ? html`<figure class="media" part="media"><img src=${media.posterUrl} alt=${media.imageAlt?.trim() || exercise.name} loading="lazy" decoding="async" part="image" /></figure>`
      : nothing;
  }
  return html`<figure class="media" part="media">${images}${notice}</figure>`;
}

/** Exercises with a video but no captions: the developer should know, the patient should not see it. */
export function exercisesMissingCaptions(exercises: readonly Exercise[]): number {
  return exercises.filter((exercise) => exercise.media?.videoUrl && !(exercise.media.captions?.length ?? 0)).length;
}

/** The program version each viewer last reported on. */
const reported = new WeakMap<object, string>();

/** Tells the developer (in the console, never the patient) when videos have no captions: once per viewer and program version. */
export function warnMissingCaptions(viewer: object, program: { id: string; version: number; exercises: readonly Exercise[] }): void {
  const key = `${program.id}@${program.version}`;
  if (reported.get(viewer) === key) return;
  reported.set(viewer, key);
  const missing = exercisesMissingCaptions(program.exercises);
  if (missing > 0) {
    console.warn(
      `[pxm] <pxm-hep-viewer>: ${missing} exercise video(s) in this program have no captions. Add caption tracks (WebVTT) so patients who are deaf or hard of hearing can follow them (WCAG 1.2.2).`,
    );
  }
}
