/**
 * Why a verdict is what it is, and what would change it (the race model
 * page, "What the analysis means"): ablation (each op removed, each knob
 * flipped), repair (the smallest host programs that make an unsafe
 * scenario safe), and the sentences that say why. Every answer is the
 * explorer's, asked about variants of the scenario under one budget.
 */
export { ablate, changesVerdict, type Ablation, type KnobVariant, type OpVariant, type VariantResult, type VariantVerdict } from './ablation.ts';
export { causeOf, causeSentence, type Cause, type Reason } from './cause.ts';
export { DEFAULT_FIX_OPS, MAX_FIX_OPS } from './limits.ts';
export { FixSizeError, fixAlphabet, hostProgramText, repair, type Repair } from './repair.ts';
export { SEARCH_BUDGET, type SearchOptions, type SearchProgress } from './search.ts';
export { setting, type ProgramName } from './variants.ts';
export { noFixSentence, opLabel, whyOf, type Finding, type Why } from './why.ts';
