/**
 * The parts of the intake loaded on demand, so the first page carries only what it needs:
 * signing (consents and signatures), card photos, the review page, and the developer panel of an
 * invalid definition. Each module is fetched once per page (`LazyPart`); each part is built once,
 * given its `PartActions`, and its arrival renders the element again.
 */
import { childScope, itemKey, type FormEngine } from '@pxm/core/forms';
import { compareWithBaseline, scoreForm } from '@pxm/core/prom';
import { LazyPart, type PartModule } from '../controllers/lazy-part.js';
import type { CardPhotos } from './card-photos.js';
import type { DefinitionProblems } from './definition-problems.js';
import type { PartActions } from './field-context.js';
import type { Review, ReviewRules } from './review.js';
import type { Signing } from './signing.js';

const importSigning = () => import('./signing.js');
const importCards = () => import('./card-photos.js');
const importReview = () => import('./review.js');
const importProblems = () => import('./definition-problems.js');

/** The review page's rules, from the core entries the element loads anyway. */
const REVIEW_RULES: ReviewRules = { itemKey, childScope, scoreForm, compareWithBaseline };

export class IntakeParts {
  signing: Signing | undefined;
  cards: CardPhotos | undefined;
  review: Review | undefined;
  problems: DefinitionProblems | undefined;

  private readonly signingPart: LazyPart<Awaited<ReturnType<typeof importSigning>>>;
  private readonly cardsPart: LazyPart<Awaited<ReturnType<typeof importCards>>>;
  private readonly reviewPart: LazyPart<Awaited<ReturnType<typeof importReview>>>;
  private readonly problemsPart: LazyPart<Awaited<ReturnType<typeof importProblems>>>;

  constructor(private readonly actions: PartActions) {
    this.signingPart = new LazyPart(actions.host, importSigning);
    this.cardsPart = new LazyPart(actions.host, importCards);
    this.reviewPart = new LazyPart(actions.host, importReview);
    this.problemsPart = new LazyPart(actions.host, importProblems);
  }

  /** Starts loading what a form uses: they arrive long before the patient reaches them. */
  loadFor(engine: FormEngine): void {
    const types = new Set(engine.index.itemIds.map((id) => engine.index.items.get(id)!.item.type));
    if (types.has('consent') || types.has('signature')) this.build(this.signingPart, (module) => (this.signing ??= new module.Signing(this.actions)));
    if (types.has('insurance-card')) this.build(this.cardsPart, (module) => (this.cards ??= new module.CardPhotos(this.actions)));
    this.build(this.reviewPart, (module) => (this.review ??= new module.Review(this.actions, REVIEW_RULES)));
  }

  /** Some part failed to download (it shows a retry where it belongs). */
  get failed(): boolean {
    return [this.signingPart, this.cardsPart, this.reviewPart, this.problemsPart].some((part) => part.state === 'failed');
  }

  loadProblems(): void {
    this.build(this.problemsPart, (module) => (this.problems ??= new module.DefinitionProblems(this.actions)));
  }

  /** Forgets signing drafts and card uploads: all of them (a reloaded form), or those under a removed group entry. */
  forget(prefix = ''): void {
    this.signing?.forget(prefix);
    this.cards?.forget(prefix);
  }

  private build<M extends PartModule>(part: LazyPart<M>, create: (module: M) => unknown): void {
    // A failed download is retried on the next load; until then the field shows it is loading.
    void part.load().then((module) => {
      create(module);
      this.actions.host.requestUpdate();
    }, () => undefined);
  }
}
